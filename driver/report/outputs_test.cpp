#include <gtest/gtest.h>

#include "driver/report/junit.hpp"
#include "driver/report/tap.hpp"

namespace bx {
namespace {

TEST(TapPoint, PassSkipAndFailureWithDiagnostics) {
  EXPECT_EQ(tap_point(1, {"a.md", 3, ExampleStatus::passed, "", 0}), "ok 1 - a.md:3\n");
  EXPECT_EQ(tap_point(2, {"a.md", 7, ExampleStatus::skipped, "", 0}), "ok 2 - a.md:7 # SKIP\n");
  EXPECT_EQ(tap_point(3, {"a b.md", 9, ExampleStatus::failed, "Expected:\nx\nGot:\ny\n", 0}),
            "not ok 3 - a b.md:9\n# Expected:\n# x\n# Got:\n# y\n");
}

TEST(Junit, OneSuitePerFileWithEscapedFailureText) {
  JunitWriter junit;
  junit.example_finished({"d.md", 2, ExampleStatus::passed, "", 0.5});
  junit.example_finished({"d.md", 5, ExampleStatus::failed, "Expected:\n<a & b>\x01", 0.25});
  junit.file_skipped("r.md", "the interpreter 'irb' is not installed");
  std::string xml = junit.xml();
  EXPECT_NE(xml.find("<testsuite name=\"d.md\" tests=\"2\" failures=\"1\" errors=\"0\" "
                     "skipped=\"0\" time=\"0.750\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"example failed\">Expected:\n&lt;a &amp; b&gt;</failure>"),
            std::string::npos);
  EXPECT_NE(xml.find("<skipped message=\"the interpreter &apos;irb&apos; is not installed\"/>"),
            std::string::npos);
}

}  // namespace
}  // namespace bx
