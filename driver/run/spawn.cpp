#include "driver/run/spawn.hpp"

#include <fcntl.h>
#include <spawn.h>

#include <csignal>
#include <string_view>

#include "driver/run/pty.hpp"
#include "driver/util/affinity.hpp"

namespace bx {

namespace {

bool names(const std::string& entry, std::string_view name) {
  return entry.size() > name.size() && entry.compare(0, name.size(), name) == 0 &&
         entry[name.size()] == '=';
}

std::string_view base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// The name `-u NAME`, `-uNAME` or `--unset=NAME` at argv[i] unsets (advancing `i` past a
/// separate NAME); empty when argv[i] is not one of those.
std::string unset_name(const std::vector<std::string>& argv, std::size_t& i) {
  const std::string& word = argv[i];
  if (word == "-u") return i + 1 < argv.size() ? argv[++i] : std::string();
  if (word.rfind("--unset=", 0) == 0) return word.substr(8);
  if (word.rfind("-u", 0) == 0) return word.substr(2);
  return {};
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::optional<ExecPlan> plan_without_env(const ExecPlan& plan) {
  const std::vector<std::string>& argv = plan.argv;
  if (argv.empty() || base_name(argv[0]) != "env") return std::nullopt;
  ExecPlan direct{{}, {}, plan.env};
  std::size_t i = 1;
  for (; i < argv.size(); ++i) {
    if (argv[i] == "--") {
      ++i;
      break;
    }
    if (argv[i].empty() || argv[i][0] != '-') break;  // the program
    std::string name = unset_name(argv, i);
    if (name.empty() || name.find('=') != std::string::npos) return std::nullopt;
    std::erase_if(direct.env, [&](const std::string& entry) { return names(entry, name); });
  }
  // An assignment, or no program at all (env would print the environment).
  if (i == argv.size() || argv[i].find('=') != std::string::npos) return std::nullopt;
  std::string path;
  for (const auto& entry : direct.env) {
    if (names(entry, "PATH")) path = entry.substr(5);
  }
  direct.path = find_executable(argv[i], path);
  if (direct.path.empty()) return std::nullopt;
  direct.argv.assign(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
  return direct;
}

int spawn_on_terminal(const std::string& terminal_path, const ExecPlan& plan, pid_t& pid,
                      int stdin_fd) {
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t all;
  sigset_t none;
  sigfillset(&all);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // Opened (without O_NOCTTY) by the leader of a session without one, the terminal becomes
  // its controlling terminal.
  posix_spawn_file_actions_addopen(&actions, 0, terminal_path.c_str(), O_RDWR, 0);
  posix_spawn_file_actions_adddup2(&actions, 0, 1);
  posix_spawn_file_actions_adddup2(&actions, 0, 2);
  if (stdin_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdin_fd, 0);
  // Descriptors opened by other threads without O_CLOEXEC must not stay open in it.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  std::vector<char*> argv = c_strings(plan.argv);
  std::vector<char*> envp = c_strings(plan.env);
  int error = posix_spawn(&pid, plan.path.c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (error == 0) affinity::release_child(pid);
  return error;
}

}  // namespace bx
