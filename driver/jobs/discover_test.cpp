#include "driver/jobs/discover.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace bx {
namespace {

TEST(Discover, CountsExamplesPerLanguageAndReportsUnreadableFiles) {
  auto dir = std::filesystem::temp_directory_path() / "bx-discover-test";
  std::filesystem::create_directories(dir);
  std::string doc = (dir / "doc [1]; x.md").string();
  std::ofstream(doc) << "```\n$ echo a\na\n\n>>> 1\n1\n\n$ echo b\nb\n```\n";
  std::string empty = (dir / "empty.md").string();
  std::ofstream(empty) << "nothing\n";
  WorkerSetup setup;
  setup.languages = {{"python", "python"}, {"shell", "shell"}};
  std::string json = discover_examples({doc, empty, (dir / "missing.md").string()}, setup);
  EXPECT_NE(json.find("{\"languages\":{\"python\":1,\"shell\":2},\"path\":\"" + doc + "\"}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("{\"languages\":{},\"path\":\"" + empty + "\"}"), std::string::npos);
  EXPECT_NE(json.find("\"error\":"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace bx
