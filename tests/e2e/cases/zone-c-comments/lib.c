/* A C file: examples live in block comments that start a line.
 *
 * $ echo "from C"
 * from C
 */
int f(void) { return 0; } /* $ echo "not a zone: code before the comment" */

// $ echo "line comments are never zones"

/**
    $ printf 'a\n  indented\n'
    a
     indented
*/
