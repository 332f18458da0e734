#include "driver/run/private_dir.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "driver/model/errors.hpp"

namespace bx {
namespace {

namespace fs = std::filesystem;

/// Points TMPDIR at a fresh directory for the test, and back after.
class PrivateDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = getenv("TMPDIR");
    if (old != nullptr) m_old_tmpdir = old;
    m_tmp = fs::temp_directory_path() / ("private-dir-test-" + std::to_string(getpid()));
    fs::create_directories(m_tmp);
    setenv("TMPDIR", m_tmp.c_str(), 1);
  }
  void TearDown() override {
    if (m_old_tmpdir.empty()) {
      unsetenv("TMPDIR");
    } else {
      setenv("TMPDIR", m_old_tmpdir.c_str(), 1);
    }
    fs::remove_all(m_tmp);
  }
  bool tmp_is_empty() const { return fs::is_empty(m_tmp); }

  fs::path m_tmp;
  std::string m_old_tmpdir;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(PrivateDirTest, IsCreatedUnderTmpdirAndRemovedWithItsFiles) {
  {
    PrivateDir dir = PrivateDir::create("lua");
    EXPECT_EQ(fs::path(dir.path()).parent_path(), m_tmp);
    EXPECT_EQ(fs::path(dir.path()).filename().string().rfind("byexample-lua-", 0), 0u);
    dir.write("rc", "print(1)\n");
    EXPECT_EQ(read_file(dir.path() + "/rc"), "print(1)\n");
  }
  EXPECT_TRUE(tmp_is_empty());
}

TEST_F(PrivateDirTest, MovingKeepsOneOwner) {
  PrivateDir first = PrivateDir::create("ksh");
  const std::string path = first.path();
  PrivateDir second = std::move(first);
  EXPECT_TRUE(first.path().empty());
  EXPECT_EQ(second.path(), path);
  first = PrivateDir::create("ksh");  // the moved-from one can own another
  second = std::move(first);          // the directory it had is removed
  EXPECT_FALSE(fs::exists(path));
  second.remove();
  EXPECT_TRUE(second.path().empty());
  EXPECT_TRUE(tmp_is_empty());
}

TEST_F(PrivateDirTest, RemoveAllTakesTheLiveOnesForExitsThatDoNotUnwind) {
  PrivateDir one = PrivateDir::create("ruby");
  PrivateDir two = PrivateDir::create("ksh");
  one.write("irbrc", "x");
  remove_all_private_dirs();
  EXPECT_TRUE(tmp_is_empty());
}

TEST_F(PrivateDirTest, AMissingTmpdirIsAnError) {
  setenv("TMPDIR", (m_tmp / "missing").c_str(), 1);
  EXPECT_THROW(PrivateDir::create("lua"), Error);
}

}  // namespace
}  // namespace bx
