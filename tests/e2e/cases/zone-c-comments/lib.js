/*
 * $ echo "from JavaScript"
 * from JavaScript
 */
function f() {}
