// `@file` argument files (spec §6.2).
#include <fstream>

#include "driver/cli/command_line.hpp"
#include "driver/model/errors.hpp"

namespace bx {

namespace {

/// One line of an argument file -> at most one argument.
bool argument_of_line(std::string line, std::string& argument) {
  line.erase(0, line.find_first_not_of(" \t\r\n"));
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.empty() || line[0] == '#') return false;
  if (line[0] == '-') {
    std::string trimmed = line.substr(0, line.find_last_not_of(" \t") + 1);
    auto space = trimmed.find(' ');
    std::string flag = trimmed.substr(0, space);
    if (space == std::string::npos || flag.find('=') != std::string::npos) {
      argument = trimmed;
    } else {
      std::string value = trimmed.substr(space + 1);
      value.erase(0, value.find_first_not_of(" \t"));
      argument = flag + "=" + value;
    }
    return true;
  }
  argument = line;
  return true;
}

void expand_into(const std::string& arg, std::vector<std::string>& out, int depth) {
  if (arg.size() < 2 || arg[0] != '@') {
    out.push_back(arg);
    return;
  }
  if (depth > 32) throw UsageError("argument files nested too deeply at '" + arg + "'");
  std::ifstream in(arg.substr(1));
  if (!in) throw UsageError("[Errno 2] No such file or directory: '" + arg.substr(1) + "'");
  std::string line;
  std::string argument;
  while (std::getline(in, line)) {
    if (argument_of_line(line, argument)) expand_into(argument, out, depth + 1);
  }
}

}  // namespace

std::vector<std::string> expand_argument_files(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& arg : args) expand_into(arg, out, 0);
  return out;
}

}  // namespace bx
