#!/bin/sh
# A shell script: examples live in hash comments.
#
# $ echo "from sh"
# from sh
echo "not a comment: $ echo no"

    # The first line of a zone loses one column: keep examples off it.
    # $ echo "indented comments"
    # indented comments

# $ printf 'the first line of a zone\n'
# the first line of a zone
