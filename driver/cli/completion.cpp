// Shell completion: the driver's side of the protocol of bash_completion_script().
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "driver/cli/command_line.hpp"
#include "driver/run/runner.hpp"

namespace bx {

namespace {

const char* const k_flags[] = {
    "--languages", "--fail-fast",        "--timeout", "--jobs",     "--dry",
    "--skip",      "--capture-env-vars", "--diff",    "--difftool", "--no-enhance-diff",
    "--options",   "--show-options",     "--modules", "--encoding", "--show-failures",
    "--pretty",    "--no-progress-bar",  "--version", "--quiet",    "--help"};

std::vector<std::string> words_before_cursor(const std::string& line) {
  std::vector<std::string> words(1);
  for (char c : line) {
    if (c == ' ' || c == '\t') {
      if (!words.back().empty()) words.emplace_back();
    } else {
      words.back() += c;
    }
  }
  return words;
}

std::vector<std::string> candidates_for(const std::vector<std::string>& words) {
  const std::string& current = words.back();
  const std::string previous = words.size() > 1 ? words[words.size() - 2] : "";
  std::vector<std::string> pool;
  if (previous == "-l" || previous == "--languages" || previous == "--language") {
    for (const auto& [language, flavors] : builtin_runner_languages()) pool.push_back(language);
  } else if (previous == "-d" || previous == "--diff") {
    pool = {"none", "unified", "ndiff", "context", "tool"};
  } else if (previous == "--pretty") {
    pool = {"none", "all"};
  } else if (!current.empty() && current[0] == '-') {
    pool.assign(std::begin(k_flags), std::end(k_flags));
  }
  std::vector<std::string> out;
  for (const auto& candidate : pool) {
    if (candidate.rfind(current, 0) == 0) out.push_back(candidate + " ");
  }
  return out;
}

}  // namespace

bool answer_completion_request() {
  if (std::getenv("_ARGCOMPLETE") == nullptr) return false;
  const char* line = std::getenv("COMP_LINE");
  const char* point = std::getenv("COMP_POINT");
  std::string text = line != nullptr ? line : "";
  if (point != nullptr) text = text.substr(0, std::min<std::size_t>(std::atol(point), text.size()));
  std::string reply;
  for (const auto& candidate : candidates_for(words_before_cursor(text))) {
    reply += (reply.empty() ? "" : "\013") + candidate;
  }
  if (write(8, reply.data(), reply.size()) < 0) return true;  // no fd 8: not called by bash
  return true;
}

}  // namespace bx
