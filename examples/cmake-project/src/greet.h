/* greet: the library the documents of this example project test. */
#ifndef GREET_H
#define GREET_H

#include <stddef.h>

/* Writes "Hello, <name>!" (upper-cased when `shout` is non-zero) into `out`, truncated to
   `size` bytes with the terminating NUL; returns the length of the whole greeting, as
   snprintf does. */
int greet_format(const char* name, int shout, char* out, size_t size);

#endif
