/* greet [--shout] NAME...: says hello to everyone named. */
#include <stdio.h>
#include <string.h>

#include "greet.h"

int main(int argc, char** argv) {
  int shout = argc > 1 && strcmp(argv[1], "--shout") == 0;
  if (argc - shout < 2) {
    fprintf(stderr, "usage: greet [--shout] NAME...\n");
    return 2;
  }
  for (int i = 1 + shout; i < argc; ++i) {
    char line[256];
    greet_format(argv[i], shout, line, sizeof line);
    puts(line);
  }
  return 0;
}
