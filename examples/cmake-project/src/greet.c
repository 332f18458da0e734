#include "greet.h"

#include <ctype.h>
#include <stdio.h>

int greet_format(const char* name, int shout, char* out, size_t size) {
  int length = snprintf(out, size, "Hello, %s!", name);
  if (shout) {
    for (char* c = out; *c != '\0'; ++c) *c = (char)toupper((unsigned char)*c);
  }
  return length;
}
