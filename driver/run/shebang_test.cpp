#include "driver/run/shebang.hpp"

#include <gtest/gtest.h>

#include "driver/parse/option_parser.hpp"
#include "driver/run/version.hpp"

namespace bx {
namespace {

const ShebangTokens k_python = {{"e", "/usr/bin/env"},
                                {"p", "python"},
                                {"a", std::vector<std::string>{"-i"}},
                                {"w", "/some dir"}};

TEST(Shebang, DefaultTemplate) {
  EXPECT_EQ(expand_shebang("%e %p %a", k_python), "/usr/bin/env python -i");
  EXPECT_EQ(expand_shebang("%{e} %p%% %w", k_python), "/usr/bin/env python% '/some dir'");
}

TEST(Shebang, QuotedWordIsQuotedAsAWhole) {
  // §4.3: `python:/bin/sh -c '%e %p %a 2>/dev/null'`.
  std::string cmd = expand_shebang("/bin/sh -c '%e %p %a 2>/dev/null'", k_python);
  EXPECT_EQ(cmd, "/bin/sh -c '/usr/bin/env python -i 2>/dev/null'");
  EXPECT_EQ(shell_split(cmd),
            (std::vector<std::string>{"/bin/sh", "-c", "/usr/bin/env python -i 2>/dev/null"}));
}

TEST(Shebang, ArgumentsAreQuotedOneByOne) {
  ShebangTokens tokens = k_python;
  tokens["a"] = std::vector<std::string>{"-i", "-c", "blue = 42"};
  EXPECT_EQ(expand_shebang("/bin/sh -c \"%e %p %a >/dev/null\"", tokens),
            "/bin/sh -c '/usr/bin/env python -i -c '\"'\"'blue = 42'\"'\"' >/dev/null'");
  EXPECT_EQ(expand_shebang("%e %p %a", tokens), "/usr/bin/env python -i -c 'blue = 42'");
}

TEST(Shebang, ListLauncher) {
  ShebangTokens tokens = {{"e", std::vector<std::string>{"/usr/bin/env", "-u", "PS1"}},
                          {"p", "bash"},
                          {"a", std::vector<std::string>{"--norc"}}};
  EXPECT_EQ(expand_shebang("%e %p %a", tokens), "/usr/bin/env -u PS1 bash --norc");
}

TEST(Shebang, BadPlaceholders) {
  EXPECT_THROW(expand_shebang("%e %x", k_python), std::invalid_argument);
  EXPECT_THROW(expand_shebang("%e %1", k_python), std::invalid_argument);
  EXPECT_THROW(expand_shebang("%{e", k_python), std::invalid_argument);
  EXPECT_THROW(expand_shebang("%ep", k_python), std::invalid_argument);  // the name is "ep"
}

TEST(Version, FirstVersionNumber) {
  EXPECT_EQ(parse_version("Python 3.11.7"), (std::vector<long>{3, 11, 7}));
  EXPECT_EQ(parse_version("GNU bash, version 5.2.15(1)-release"), (std::vector<long>{5, 2, 15}));
  EXPECT_EQ(parse_version("irb 1.4\n"), (std::vector<long>{1, 4, 0}));
  EXPECT_EQ(parse_version("v1.2.3.4"), (std::vector<long>{1, 2, 3}));
  EXPECT_FALSE(parse_version("no version here 7").has_value());
  EXPECT_EQ(format_version({3, 11, 7}), "(3, 11, 7)");
}

TEST(Version, QueriesTheProgram) {
  EXPECT_EQ(query_version("/bin/sh -c 'echo Fake 9.8.7'", 5.0), (std::vector<long>{9, 8, 7}));
  EXPECT_THROW(query_version("/bin/sh -c 'echo none'", 5.0), std::runtime_error);
}

}  // namespace
}  // namespace bx
