#include "driver/run/version.hpp"

#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>

#include "driver/parse/option_parser.hpp"
#include "driver/run/pty.hpp"
#include "driver/run/shebang.hpp"
#include "driver/util/log.hpp"
#include "driver/util/regex.hpp"

extern char** environ;

namespace bx {

namespace {

constexpr std::size_t k_shown_output = 64;

struct VersionFailure : std::runtime_error {
  VersionFailure(const std::string& message, std::string read)
      : std::runtime_error(message), output(std::move(read)) {}
  std::string output;
};

std::string run_and_capture(const std::string& cmd, double timeout) {
  PtySpawnRequest request;
  request.argv = shell_split(cmd);
  for (char** entry = environ; *entry != nullptr; ++entry) request.env.emplace_back(*entry);
  PtyProcess process(request);
  std::string output;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
  while (true) {
    double left =
        std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) throw VersionFailure("timeout", output);
    if (process.read(output, left) == PtyProcess::ReadStatus::eof) break;
  }
  return output;
}

}  // namespace

std::optional<std::vector<long>> parse_version(std::string_view text) {
  static const Regex k_version(R"((?<!\d)(\d+)\.(\d+)(?:\.(\d+))?(?!\d))");
  auto found = k_version.search(text);
  if (!found) return std::nullopt;
  std::vector<long> version;
  for (std::size_t group = 1; group <= 3; ++group) {
    version.push_back(found->matched(group) ? std::stol(std::string(found->group(group))) : 0);
  }
  return version;
}

std::string format_version(const std::vector<long>& version) {
  std::string out = "(";
  for (std::size_t i = 0; i < version.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(version[i]);
  }
  return out + ")";
}

std::vector<long> query_version(const std::string& cmd, double timeout) {
  static std::mutex lock;
  static std::map<std::string, std::vector<long>> cache;
  {
    std::lock_guard<std::mutex> guard(lock);
    auto it = cache.find(cmd);
    if (it != cache.end()) return it->second;
  }
  std::string output = run_and_capture(cmd, timeout);
  auto version = parse_version(output);
  if (!version) throw VersionFailure("no version found", output);
  std::lock_guard<std::mutex> guard(lock);
  cache[cmd] = *version;
  return *version;
}

void log_version(std::string_view logger, std::string_view title, const std::string& cmd,
                 double timeout) {
  if (!log::enabled(logger, log::Level::info)) return;
  try {
    auto version = query_version(cmd, timeout);
    log::info(logger, std::string(title) + "'s version: " + format_version(version));
  } catch (const std::exception& error) {
    std::string message = "Failed to obtain " + std::string(title) + "'s version (" + error.what() +
                          ").\nExecuted command: " + cmd;
    if (const auto* failure = dynamic_cast<const VersionFailure*>(&error)) {
      std::string read = failure->output.substr(0, k_shown_output);
      if (failure->output.size() > k_shown_output) read += "[...(truncated)]";
      message += "\nRead: " + read;
    } else {
      message += "\nCommand failed: " + std::string(error.what());
    }
    log::warn(logger, message);
  }
}

}  // namespace bx
