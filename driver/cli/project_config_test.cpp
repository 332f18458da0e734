#include "driver/cli/project_config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "driver/cli/command_line.hpp"
#include "driver/cli/setup.hpp"

namespace bx {
namespace {

std::string config_error(const std::string& yaml) {
  try {
    parse_project_config(yaml, "cfg.yml", "");
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "no error";
}

CommandLine parse(std::vector<std::string> args) {
  args.insert(args.begin(), "byexample");
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

/// A scratch directory tree, removed at the end of the test.
class ProjectConfigTree : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/bx-config-test-XXXXXX";
    ASSERT_NE(mkdtemp(name), nullptr);
    root = std::filesystem::path(name);
  }
  void TearDown() override { std::filesystem::remove_all(root); }
  void write(const std::filesystem::path& relative, const std::string& text) {
    std::filesystem::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << text;
  }
  std::filesystem::path root;
};

TEST(ProjectConfig, ReadsEveryKey) {
  ProjectConfig config = parse_project_config(
      "languages: python,shell\n"
      "options: +norm-ws\n"
      "modules: [mods]\n"
      "timeout: 4.5\n"
      "dfl-timeout: 9\n"
      "jobs: 3\n"
      "diff: unified\n"
      "files: ['docs/**/*.md', README.md]\n"
      "skip: docs/old.md\n"
      "encoding: utf-8:replace\n",
      "project/.byexample.yml", "project");
  EXPECT_EQ(*config.languages, (std::vector<std::string>{"python", "shell"}));
  EXPECT_EQ(*config.options, "+norm-ws");
  EXPECT_EQ(*config.modules, std::vector<std::string>{"project/mods"});
  EXPECT_EQ(*config.timeout, 4.5);
  EXPECT_EQ(*config.dfl_timeout, 9.0);
  EXPECT_EQ(*config.jobs, 3);
  EXPECT_EQ(*config.diff, "unified");
  EXPECT_EQ(*config.files, (std::vector<std::string>{"project/docs/**/*.md", "project/README.md"}));
  EXPECT_EQ(*config.skip, std::vector<std::string>{"project/docs/old.md"});
  EXPECT_EQ(*config.encoding, "utf-8");
  EXPECT_EQ(*config.encoding_errors, "replace");
}

TEST(ProjectConfig, EmptyFileIsAnEmptyConfiguration) {
  ProjectConfig config = parse_project_config("# nothing yet\n", "cfg.yml", "");
  EXPECT_FALSE(config.languages.has_value());
  EXPECT_TRUE(config.overrides.entries.empty());
}

TEST(ProjectConfig, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(config_error("languages: [python\n"), "cfg.yml:2:1: end of sequence flow not found");
  EXPECT_EQ(config_error("languages: shell\nlangauges: python\n"),
            "cfg.yml:2:1: unknown key 'langauges' (known keys: dfl-timeout, diff, encoding, "
            "files, jobs, languages, modules, options, overrides, skip, timeout)");
  EXPECT_EQ(config_error("timeout: soon\n"),
            "cfg.yml:1:10: 'timeout' must be a positive number of seconds, not 'soon'");
  EXPECT_EQ(config_error("options: [+norm-ws]\n"), "cfg.yml:1:10: 'options' must be a string");
  EXPECT_EQ(config_error("languages: {python: 1}\n"),
            "cfg.yml:1:12: 'languages' must be a string or a list of strings");
  EXPECT_EQ(
      config_error("jobs: many\n"),
      "cfg.yml:1:7: 'jobs' must be 'auto', 'cpu', 'cpu<n>' or <n> (a positive number), not 'many'");
  EXPECT_EQ(config_error("diff: fancy\n"),
            "cfg.yml:1:7: 'diff' must be one of none, unified, ndiff, context, tool, not 'fancy'");
  EXPECT_EQ(config_error("encoding: klingon\n"),
            "cfg.yml:1:11: encoding 'klingon' is unknown or unsupported");
  EXPECT_EQ(config_error("jobs: 1\njobs: 2\n"), "cfg.yml:2:1: duplicated key 'jobs'");
  EXPECT_EQ(config_error("- python\n"),
            "cfg.yml:1:1: the configuration must be a mapping of keys to values");
  EXPECT_EQ(config_error("languages: python,python\n"),
            "cfg.yml:1:12: 'languages': 'python' is duplicated");
}

TEST(ProjectConfig, OverrideErrorsNameTheEntry) {
  EXPECT_EQ(config_error("overrides:\n  - options: +norm-ws\n"),
            "cfg.yml:2:5: an entry of 'overrides' needs 'files'");
  EXPECT_EQ(config_error("overrides:\n  - files: a.md\n    timout: 3\n"),
            "cfg.yml:3:5: unknown key 'timout' (known keys: files, options, timeout, diff)");
  EXPECT_EQ(config_error("overrides: {files: a.md}\n"),
            "cfg.yml:1:12: 'overrides' must be a list of mappings");
}

TEST(ProjectConfig, FlagsReplaceTheFileValuesListsIncluded) {
  ProjectConfig config = parse_project_config(
      "languages: [python, shell]\nskip: [a.md]\ntimeout: 7\noptions: +norm-ws\nfiles: [d.md]\n",
      "cfg.yml", "");
  CommandLine cl = parse({"-l", "ruby", "--skip", "b.md", "--", "x.md"});
  apply_project_config(config, cl);
  EXPECT_EQ(cl.languages, std::vector<std::string>{"ruby"});
  EXPECT_EQ(cl.skip, std::vector<std::string>{"b.md"});
  EXPECT_EQ(cl.files, std::vector<std::string>{"x.md"});
  EXPECT_EQ(cl.timeout, 7.0);
  EXPECT_EQ(cl.options, "+norm-ws");

  CommandLine bare = parse({"--timeout", "3", "-o=-norm-ws"});
  apply_project_config(config, bare);
  EXPECT_EQ(bare.languages, (std::vector<std::string>{"python", "shell"}));
  EXPECT_EQ(bare.skip, std::vector<std::string>{"a.md"});
  EXPECT_EQ(bare.files, std::vector<std::string>{"d.md"});
  EXPECT_EQ(bare.timeout, 3.0);
  EXPECT_EQ(bare.options, "-norm-ws");
}

TEST(ProjectConfig, LanguagesMayComeFromTheConfiguration) {
  CommandLine cl = parse({"-x-shebang", "shell:/bin/sh", "a.md"});
  EXPECT_THROW(require_languages(cl), UsageError);
  apply_project_config(parse_project_config("languages: shell\n", "cfg.yml", ""), cl);
  EXPECT_NO_THROW(require_languages(cl));
  EXPECT_THROW(parse({"--config", "a.yml", "--no-config", "-l", "shell"}), UsageError);
}

TEST_F(ProjectConfigTree, DiscoveryWalksUpToTheNearestFile) {
  write("project/.byexample.yml", "languages: shell\n");
  write("project/sub/.byexample.yml", "languages: python\n");
  std::filesystem::create_directories(root / "project/docs/deep");
  EXPECT_EQ(find_project_config(root / "project/docs/deep"), root / "project/.byexample.yml");
  EXPECT_EQ(find_project_config(root / "project/sub"), root / "project/sub/.byexample.yml");
  EXPECT_EQ(find_project_config(root), std::nullopt);
}

TEST_F(ProjectConfigTree, PathsAreRelativeToTheConfigurationFile) {
  write("project/.byexample.yml", "files: 'docs/*.md'\nmodules: mods\n");
  std::filesystem::create_directories(root / "project/docs/deep");
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(root / "project/docs/deep");
  ProjectConfig config;
  EXPECT_NO_THROW(config = load_project_config(CommandLine{}));
  CommandLine off;
  off.no_config = true;
  ProjectConfig none = load_project_config(off);
  std::filesystem::current_path(cwd);
  EXPECT_EQ(config.path, "../../.byexample.yml");
  EXPECT_EQ(*config.files, std::vector<std::string>{"../../docs/*.md"});
  EXPECT_EQ(*config.modules, std::vector<std::string>{"../../mods"});
  EXPECT_EQ(config.overrides.base, root / "project");
  EXPECT_TRUE(none.path.empty());
}

TEST(GlobMatches, DoubleStarCrossesDirectories) {
  EXPECT_TRUE(glob_matches("docs/*.md", "docs/a.md"));
  EXPECT_FALSE(glob_matches("docs/*.md", "docs/old/a.md"));
  EXPECT_TRUE(glob_matches("docs/**.md", "docs/old/deep/a.md"));
  EXPECT_TRUE(glob_matches("docs/**/*.md", "docs/a.md"));
  EXPECT_TRUE(glob_matches("docs/**/*.md", "docs/x/y/a.md"));
  EXPECT_FALSE(glob_matches("docs/**/*.md", "other/a.md"));
  EXPECT_TRUE(glob_matches("docs/[a-c]?.md", "docs/b1.md"));
  EXPECT_FALSE(glob_matches("docs/[!a-c]?.md", "docs/b1.md"));
  EXPECT_TRUE(glob_matches("docs/[x.md", "docs/[x.md"));
}

TEST(DocumentOverrides, LayersApplyToMatchingDocumentsAndFlagsWin) {
  const std::string yaml =
      "overrides:\n"
      "  - files: 'legacy/**'\n"
      "    options: +norm-ws +diff=ndiff\n"
      "    timeout: 10\n"
      "  - files: ['legacy/b.md', 'x{1,2}.md']\n"
      "    timeout: 20\n";
  CommandLine cl = parse({"-l", "shell", "--timeout", "5"});
  apply_project_config(parse_project_config(yaml, "cfg.yml", "/project"), cl);
  WorkerSetup setup = make_worker_setup(cl, ExtensionInstances{});
  ASSERT_TRUE(setup.document_options);
  EXPECT_EQ(setup.document_options("/project/other.md"), nullptr);
  EXPECT_EQ(setup.document_options("/elsewhere/legacy/a.md"), nullptr);
  auto legacy = setup.document_options("/project/legacy/deep/a.md");
  ASSERT_NE(legacy, nullptr);
  EXPECT_EQ(std::get<bool>(legacy->global_options.at("norm_ws")), true);
  EXPECT_EQ(std::get<std::string>(legacy->global_options.at("diff")), "ndiff");
  EXPECT_EQ(std::get<double>(legacy->global_options.at("timeout")), 5.0);  // --timeout wins
  EXPECT_EQ(std::get<double>(setup.global_options.at("timeout")), 5.0);
  EXPECT_EQ(std::get<bool>(setup.global_options.at("norm_ws")), false);
  auto x2 = setup.document_options("/project/x2.md");
  ASSERT_NE(x2, nullptr);
  EXPECT_EQ(std::get<bool>(x2->global_options.at("norm_ws")), false);
}

TEST(DocumentOverrides, LaterEntriesWinAndBadOptionsNameTheEntry) {
  const std::string yaml =
      "overrides:\n"
      "  - files: '*.md'\n"
      "    timeout: 10\n"
      "  - files: 'b.md'\n"
      "    timeout: 20\n";
  CommandLine cl = parse({"-l", "shell"});
  apply_project_config(parse_project_config(yaml, "cfg.yml", "/p"), cl);
  WorkerSetup setup = make_worker_setup(cl, ExtensionInstances{});
  EXPECT_EQ(std::get<double>(setup.document_options("/p/a.md")->global_options.at("timeout")),
            10.0);
  EXPECT_EQ(std::get<double>(setup.document_options("/p/b.md")->global_options.at("timeout")),
            20.0);

  CommandLine bad = parse({"-l", "shell"});
  apply_project_config(
      parse_project_config("overrides:\n  - files: a.md\n    options: +diff=fancy\n", "cfg.yml",
                           "/p"),
      bad);
  try {
    make_worker_setup(bad, ExtensionInstances{});
    ADD_FAILURE() << "no error";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              "cfg.yml:3:14: invalid 'options': argument +diff: invalid choice: 'fancy' (choose "
              "from 'none', 'unified', 'ndiff', 'context', 'tool')");
  }
}

}  // namespace
}  // namespace bx
