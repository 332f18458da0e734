#include "driver/run/private_dir.hpp"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>

#include "driver/model/errors.hpp"

namespace bx {

namespace {

std::mutex g_live_mutex;
std::set<std::string> g_live;

void remove_tree(const std::string& path) noexcept {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

}  // namespace

PrivateDir PrivateDir::create(const std::string& language) {
  const char* tmp = getenv("TMPDIR");
  std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/byexample-" +
                        language + "-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    throw Error("Cannot create a temporary directory for the " + language + " interpreter.");
  }
  try {
    std::lock_guard<std::mutex> lock(g_live_mutex);
    g_live.insert(pattern);
  } catch (...) {
    remove_tree(pattern);
    throw;
  }
  return PrivateDir(std::move(pattern));
}

PrivateDir& PrivateDir::operator=(PrivateDir&& other) noexcept {
  if (this != &other) {
    remove();
    m_path = std::move(other.m_path);
    other.m_path.clear();
  }
  return *this;
}

void PrivateDir::write(const std::string& name, const std::string& content) const {
  std::ofstream out(m_path + "/" + name, std::ios::binary);
  out << content;
  if (!out) throw Error("Cannot write '" + m_path + "/" + name + "'.");
}

void PrivateDir::remove() noexcept {
  if (m_path.empty()) return;
  remove_tree(m_path);
  {
    std::lock_guard<std::mutex> lock(g_live_mutex);
    g_live.erase(m_path);
  }
  m_path.clear();
}

void remove_all_private_dirs() noexcept {
  std::lock_guard<std::mutex> lock(g_live_mutex);
  for (const std::string& path : g_live) remove_tree(path);
  g_live.clear();
}

}  // namespace bx
