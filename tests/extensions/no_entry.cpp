// Not a byexample module: a shared library without the entry points (loading test).
extern "C" int bx_test_not_a_module() {
  return 0;
}
