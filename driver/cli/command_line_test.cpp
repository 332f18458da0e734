#include "driver/cli/command_line.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "driver/model/errors.hpp"

namespace bx {
namespace {

CommandLine parse(std::vector<std::string> args) {
  args.insert(args.begin(), "/usr/local/bin/byexample");
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

std::string usage_error(std::vector<std::string> args) {
  try {
    parse(std::move(args));
  } catch (const UsageError& error) {
    return error.what();
  }
  return "no error";
}

TEST(CommandLine, LanguagesAcceptCommasAndRepetition) {
  CommandLine cl = parse({"-l", "python,shell", "-l", "ruby", "a.md", "b.md"});
  EXPECT_EQ(cl.languages, (std::vector<std::string>{"python", "shell", "ruby"}));
  EXPECT_EQ(cl.files, (std::vector<std::string>{"a.md", "b.md"}));
  EXPECT_EQ(cl.program, "byexample");
}

TEST(CommandLine, DuplicatedLanguageIsAUsageError) {
  EXPECT_EQ(usage_error({"-l", "python,python", "a.md"}),
            "argument --languages: 'python' is duplicated.");
}

TEST(CommandLine, MissingLanguagesIsAUsageError) {
  // Checked after the project configuration had its chance to give them.
  CommandLine cl = parse({"a.md"});
  try {
    require_languages(cl);
    ADD_FAILURE() << "no error";
  } catch (const UsageError& error) {
    EXPECT_STREQ(error.what(), "the following arguments are required: -l/--language/--languages");
  }
}

TEST(CommandLine, OptionsValueMayStartWithADashWhenAttached) {
  CommandLine cl = parse({"-l", "shell", "-o=-warn-tab +norm-ws", "--options=+pass", "a.md"});
  EXPECT_EQ(cl.options, "+pass");
  CommandLine attached = parse({"-l", "shell", "-o=-warn-tab", "a.md"});
  EXPECT_EQ(attached.options, "-warn-tab");
}

TEST(CommandLine, FlagLookingValueIsMissingValue) {
  EXPECT_EQ(usage_error({"-l", "python", "-o", "-warn-tab", "a.md"}),
            "argument -o/--options: expected one argument");
  EXPECT_EQ(usage_error({"-l", "python", "a.md", "--timeout"}),
            "argument --timeout: expected one argument");
  EXPECT_DOUBLE_EQ(parse({"-l", "python", "--timeout", "-1", "a.md"}).timeout, -1.0);
}

TEST(CommandLine, ValueErrorsReadLikeArgparse) {
  EXPECT_EQ(usage_error({"-l", "shell", "--timeout", "abc"}),
            "argument --timeout: invalid float value: 'abc'");
  EXPECT_EQ(usage_error({"-l", "shell", "-d", "foo"}),
            "argument -d/--diff: invalid choice: 'foo' (choose from 'none', 'unified', 'ndiff', "
            "'context', 'tool')");
  EXPECT_EQ(usage_error({"-l", "shell", "-x-min-rcount", "x"}),
            "argument --x-min-rcount: invalid int value: 'x'");
  EXPECT_EQ(usage_error({"-l", "shell", "--bogus", "a.md"}), "unrecognized arguments: --bogus");
  EXPECT_EQ(parse({"-l", "shell", "--", "a.md"}).files, (std::vector<std::string>{"a.md"}));
  EXPECT_EQ(usage_error({"-l", "shell", "--encoding", "foo"}),
            "argument --encoding: encoding 'foo' is unknown or unsupported.");
}

TEST(CommandLine, SingleDashAdvancedFlags) {
  CommandLine cl =
      parse({"-l", "python", "-x-shebang", "python:/usr/bin/env python3 -i", "-x-dfl-timeout", "3",
             "-x-turn-echo-off=False", "-x-not-recover-timeout", "a.md"});
  EXPECT_EQ(cl.shebangs.at("python"), "/usr/bin/env python3 -i");
  EXPECT_DOUBLE_EQ(cl.dfl_timeout, 3.0);
  EXPECT_FALSE(cl.turn_echo_off);
  EXPECT_TRUE(cl.not_recover_timeout);
}

TEST(CommandLine, ShebangForUnselectedLanguageIsRejected) {
  EXPECT_EQ(usage_error({"-l", "python", "-x-shebang", "ruby:irb", "a.md"}),
            "argument --x-shebang: runner 'ruby' is unknown.");
}

TEST(CommandLine, JobsCountCpusWithCpuCpuKAndAuto) {
  const int cpus = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(jobs_from_text("4"), 4);
  EXPECT_EQ(jobs_from_text("cpu"), cpus);
  EXPECT_EQ(jobs_from_text("auto"), cpus);
  EXPECT_EQ(jobs_from_text("cpu3"), 3 * cpus);
  EXPECT_EQ(jobs_from_text("cpu99999999999"), std::nullopt);  // out of range, not wrapped
  for (const char* bad : {"0", "-2", "cpu0", "3x", "", "cpux", "Auto", "autox"}) {
    EXPECT_EQ(jobs_from_text(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(parse({"-l", "shell", "--jobs", "auto"}).jobs, cpus);
}

TEST(CommandLine, JobsAndShowFailuresValidation) {
  EXPECT_EQ(parse({"-l", "shell", "-j", "3"}).jobs, 3);
  EXPECT_GE(parse({"-l", "shell", "--jobs", "cpu"}).jobs, 1);
  EXPECT_EQ(usage_error({"-l", "shell", "-j", "0"}),
            "argument -j/--jobs: Invalid jobs specification '0'. Use 'cpu', 'cpu<n>' or <n> (a "
            "positive number).");
  EXPECT_EQ(parse({"-l", "shell", "--show-failures", "2"}).show_failures, 2);
  EXPECT_EQ(parse({"-l", "shell", "--show-failures", "all"}).show_failures, -1);
}

TEST(CommandLine, VerbosityCountsAndExcludesQuiet) {
  EXPECT_EQ(parse({"-l", "shell", "-vvv"}).verbosity, 3);
  EXPECT_EQ(usage_error({"-l", "shell", "-v", "-q"}),
            "argument -q/--quiet: not allowed with argument -v");
}

TEST(CommandLine, SkipIsGreedyUntilDoubleDash) {
  CommandLine cl = parse({"-l", "shell", "--skip", "a.md", "b.md", "--", "c.md"});
  EXPECT_EQ(cl.skip, (std::vector<std::string>{"a.md", "b.md"}));
  EXPECT_EQ(cl.files, (std::vector<std::string>{"c.md"}));
}

TEST(ArgumentFiles, LinesBecomeArgumentsWithByexampleRules) {
  auto dir = std::filesystem::temp_directory_path() / "bx-args-test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream inner(dir / "inner.env");
    inner << "--pretty none\n";
  }
  {
    std::ofstream outer(dir / "outer.env");
    outer << "# a comment\n\n  --timeout 4\n--ff\n--skip\na b.md\n-o=+norm-ws x\n@"
          << (dir / "inner.env").string() << "\n--\n";
  }
  auto args = expand_argument_files({"@" + (dir / "outer.env").string(), "doc.md"});
  EXPECT_EQ(args, (std::vector<std::string>{"--timeout=4", "--ff", "--skip", "a b.md",
                                            "-o=+norm-ws x", "--pretty=none", "--", "doc.md"}));
  std::filesystem::remove_all(dir);
}

TEST(HelpText, UsageStartsLikeByexample) {
  std::string usage = usage_text("byexample", false);
  EXPECT_EQ(usage.rfind("usage: byexample -l <languages> [--ff] [--timeout <secs>]", 0), 0u);
  EXPECT_NE(help_text("byexample", true).find("-x-shebang"), std::string::npos);
  EXPECT_EQ(help_text("byexample", false).find("-x-shebang"), std::string::npos);
}

}  // namespace
}  // namespace bx
