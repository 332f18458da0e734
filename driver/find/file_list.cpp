// File lists: brace expansion, recursive glob, dedup, skip subtraction, sorting (spec §6.3).
#include "driver/find/file_list.hpp"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>

namespace bx {

namespace {

constexpr std::size_t k_npos = std::string::npos;

/// glob(3) without backslash escapes: Python's glob has none and the brace expansion
/// already consumed them.
std::vector<std::string> posix_glob(const std::string& pattern) {
  std::vector<std::string> out;
  glob_t found{};
  if (::glob(pattern.c_str(), GLOB_NOESCAPE, nullptr, &found) == 0) {
    out.assign(found.gl_pathv, found.gl_pathv + found.gl_pathc);
  }
  globfree(&found);
  return out;
}

/// Offset of the first path component that is exactly `**`, npos if none.
std::size_t recursive_component(std::string_view pattern) {
  for (std::size_t pos = pattern.find("**"); pos != k_npos; pos = pattern.find("**", pos + 1)) {
    bool starts = pos == 0 || pattern[pos - 1] == '/';
    bool ends = pos + 2 == pattern.size() || pattern[pos + 2] == '/';
    if (starts && ends) return pos;
  }
  return k_npos;
}

std::string join_path(const std::string& dir, const std::string& rest) {
  if (dir.empty()) return rest;
  return dir.back() == '/' ? dir + rest : dir + "/" + rest;
}

/// Every non-hidden entry under `dir` ("" is the current directory, giving relative names
/// without "./"), directories only unless `files_too`. Symbolic links to directories are
/// listed but not descended into, so link cycles cannot loop.
void walk(const std::string& dir, bool files_too, std::vector<std::string>& out) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::directory_iterator it(dir.empty() ? fs::path(".") : fs::path(dir), error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    std::string name = it->path().filename().string();
    if (name.starts_with('.')) continue;
    std::string path = join_path(dir, name);
    std::error_code ignored;
    bool is_dir = it->is_directory(ignored);
    if (is_dir || files_too) out.push_back(path);
    if (is_dir && !it->is_symlink(ignored)) walk(path, files_too, out);
  }
}

/// The directories a pattern's `**` starts from: the expansion of what precedes it.
std::vector<std::string> recursion_bases(const std::string& head) {
  if (head.empty() || head == "/") return {head};
  std::vector<std::string> bases;
  for (std::string& base : glob_expand(head.substr(0, head.size() - 1))) {
    std::error_code ignored;
    if (std::filesystem::is_directory(base, ignored)) bases.push_back(std::move(base));
  }
  return bases;
}

std::set<std::string> expand_to_files(const std::vector<std::string>& patterns) {
  std::set<std::string> files;
  for (const std::string& pattern : patterns) {
    // A path that exists is taken as it is: file names may hold glob or brace characters
    // ("notes [draft].md"), e.g. when the shell or a build tool already expanded them.
    std::error_code no_such_file;
    if (std::filesystem::is_regular_file(pattern, no_such_file)) {
      files.insert(pattern);
      continue;
    }
    for (const std::string& expanded : brace_expand(pattern)) {
      for (std::string& path : glob_expand(expanded)) {
        std::error_code ignored;
        if (!path.empty() && !std::filesystem::is_directory(path, ignored)) {
          files.insert(std::move(path));
        }
      }
    }
  }
  return files;
}

}  // namespace

std::vector<std::string> glob_expand(const std::string& pattern) {
  std::size_t pos = recursive_component(pattern);
  if (pos == k_npos) return posix_glob(pattern);
  std::string head = pattern.substr(0, pos);
  std::string tail = pos + 3 <= pattern.size() ? pattern.substr(pos + 3) : "";
  std::vector<std::string> out;
  for (const std::string& base : recursion_bases(head)) {
    if (tail.empty()) {
      walk(base, true, out);
      continue;
    }
    std::vector<std::string> dirs{base};
    walk(base, false, dirs);
    for (const std::string& dir : dirs) {
      std::vector<std::string> matches = glob_expand(join_path(dir, tail));
      std::move(matches.begin(), matches.end(), std::back_inserter(out));
    }
  }
  return out;
}

FileList expand_file_list(const std::vector<std::string>& patterns,
                          const std::vector<std::string>& skip_patterns) {
  std::set<std::string> given = expand_to_files(patterns);
  std::set<std::string> skipped = expand_to_files(skip_patterns);
  FileList list;
  list.given = given.size();
  list.skipped = skipped.size();
  std::set_difference(given.begin(), given.end(), skipped.begin(), skipped.end(),
                      std::back_inserter(list.files));
  return list;
}

}  // namespace bx
