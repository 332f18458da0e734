#include "driver/report/difftool.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "driver/util/output.hpp"

extern char** environ;

namespace bx {

namespace {

/// Python's shlex.quote.
std::string shell_quote_path(const std::string& text) {
  if (text.empty()) return "''";
  const bool safe = text.find_first_not_of(
                        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                        "_@%+=:,./-") == std::string::npos;
  if (safe) return text;
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\"'\"'") : std::string(1, c);
  return out + "'";
}

std::string errno_message(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

/// A temporary file holding `content`; removed when the object dies.
class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/byexample-diff-XXXXXX";
    // O_CLOEXEC: other workers spawn interpreters concurrently and must not inherit it.
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(errno_message("cannot create a temporary file"));
    m_path = pattern;
    std::string_view rest = content;
    while (!rest.empty()) {
      const ssize_t n = ::write(fd, rest.data(), rest.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      rest.remove_prefix(static_cast<std::size_t>(n));
    }
    ::close(fd);
  }
  ~TempFile() { ::unlink(m_path.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

struct ToolResult {
  std::string output;
  int return_code = 0;
};

/// Runs `command` with /bin/sh -c, capturing stdout and stderr together.
ToolResult run_shell(const std::string& command) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(errno_message("pipe"));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  std::string shell = "/bin/sh";
  std::string flag = "-c";
  std::string command_copy = command;
  char* argv[] = {shell.data(), flag.data(), command_copy.data(), nullptr};
  pid_t pid = 0;
  const int spawn_error = ::posix_spawn(&pid, "/bin/sh", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (spawn_error != 0) {
    ::close(fds[0]);
    errno = spawn_error;
    throw std::runtime_error(errno_message("cannot run /bin/sh"));
  }

  ToolResult result;
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // Like Python's subprocess: the exit code, or minus the signal that killed the shell.
  result.return_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  return result;
}

}  // namespace

std::string expand_difftool(std::string_view command_template, const std::string& expected_path,
                            const std::string& got_path) {
  std::string out;
  for (std::size_t k = 0; k < command_template.size(); ++k) {
    const std::string_view rest = command_template.substr(k);
    if (rest.starts_with("%%")) {
      out += '%';
      ++k;
    } else if (rest.starts_with("%e") || rest.starts_with("%g")) {
      out += shell_quote_path(rest[1] == 'e' ? expected_path : got_path);
      ++k;
    } else if (rest.starts_with("%{e}") || rest.starts_with("%{g}")) {
      out += shell_quote_path(rest[2] == 'e' ? expected_path : got_path);
      k += 3;
    } else {
      out += rest[0];
    }
  }
  return out;
}

std::string run_difftool(const std::string& expected, const std::string& got,
                         const std::string& command_template, bool colors) {
  if (command_template.empty()) {
    throw std::runtime_error("--diff tool needs a command given with --difftool");
  }
  ToolResult result;
  {
    const TempFile expected_file(expected);
    const TempFile got_file(got);
    result = run_shell(expand_difftool(command_template, expected_file.path(), got_file.path()));
  }
  std::string out = colored("External diff tool", "yellow", colors) + "\n" + result.output;
  if (!result.output.empty() && result.output.back() != '\n') out += '\n';
  if (result.return_code != 0) {
    out += colored("Return code: ", "red", colors) + std::to_string(result.return_code) + "\n";
  }
  return out;
}

}  // namespace bx
