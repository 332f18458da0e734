#include "driver/run/pty.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

#include "driver/run/sessions.hpp"

namespace bx {

namespace {

constexpr double k_kill_wait = 2.0;
constexpr int k_write_stall_ms = 10000;

double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

timespec to_timespec(double seconds) {
  if (seconds < 0) seconds = 0;
  timespec ts;
  ts.tv_sec = static_cast<time_t>(seconds);
  ts.tv_nsec = static_cast<long>((seconds - static_cast<double>(ts.tv_sec)) * 1e9);
  return ts;
}

std::string env_value(const std::vector<std::string>& env, std::string_view name) {
  for (const auto& entry : env) {
    if (entry.size() > name.size() && entry.compare(0, name.size(), name) == 0 &&
        entry[name.size()] == '=') {
      return entry.substr(name.size() + 1);
    }
  }
  return {};
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

/// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(int slave, const char* path, char* const argv[], char* const envp[],
                             int error_pipe) {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) sigaction(sig, &dfl, nullptr);
  setsid();
  ioctl(slave, TIOCSCTTY, 0);
  dup2(slave, 0);
  dup2(slave, 1);
  dup2(slave, 2);
#ifdef SYS_close_range
  // Descriptors inherited from other threads' work must not keep their files open.
  syscall(SYS_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */);
#endif
  execve(path, argv, envp);
  int error = errno;
  [[maybe_unused]] auto written = ::write(error_pipe, &error, sizeof(error));
  _exit(127);
}

/// The errno the child reports when its exec failed, 0 when the program started.
int exec_error(int pipe_fd) {
  int error = 0;
  ssize_t n;
  do {
    n = ::read(pipe_fd, &error, sizeof(error));
  } while (n < 0 && errno == EINTR);
  return n == sizeof(error) ? error : 0;
}

}  // namespace

std::string find_executable(const std::string& program, std::string_view path) {
  auto runnable = [](const std::string& candidate) {
    struct stat info {};
    return stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
           access(candidate.c_str(), X_OK) == 0;
  };
  if (program.empty()) return {};
  if (program.find('/') != std::string::npos) return runnable(program) ? program : std::string();
  if (path.empty()) path = "/bin:/usr/bin";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t colon = path.find(':', start);
    if (colon == std::string_view::npos) colon = path.size();
    std::string dir(path.substr(start, colon - start));
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (runnable(candidate)) return candidate;
    start = colon + 1;
  }
  return {};
}

PtyProcess::PtyProcess(const PtySpawnRequest& request) {
  if (request.argv.empty()) throw SpawnError("empty command line", EINVAL);
  std::string path = find_executable(request.argv[0], env_value(request.env, "PATH"));
  if (path.empty()) throw SpawnError(request.argv[0] + ": command not found", ENOENT);
  int slave = open_terminal(request);
  int pipe_fds[2] = {-1, -1};
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
    int error = errno;
    close(slave);
    close_master();
    throw SpawnError(std::string("cannot create a pipe: ") + std::strerror(error), error);
  }
  std::vector<char*> argv = c_strings(request.argv);
  std::vector<char*> envp = c_strings(request.env);
  m_pid = fork();
  if (m_pid == 0) exec_child(slave, path.c_str(), argv.data(), envp.data(), pipe_fds[1]);
  int error = m_pid < 0 ? errno : 0;
  close(slave);
  close(pipe_fds[1]);
  if (m_pid > 0) error = exec_error(pipe_fds[0]);
  close(pipe_fds[0]);
  if (error != 0) {
    if (m_pid > 0) waitpid(m_pid, nullptr, 0);
    m_pid = -1;
    close_master();
    throw SpawnError(request.argv[0] + ": " + std::strerror(error), error);
  }
  sessions::add(m_pid);
  m_pidfd = static_cast<int>(syscall(SYS_pidfd_open, m_pid, 0));
  fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
}

int PtyProcess::open_terminal(const PtySpawnRequest& request) {
  m_master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  char name[128];
  int slave = -1;
  if (m_master >= 0 && grantpt(m_master) == 0 && unlockpt(m_master) == 0 &&
      ptsname_r(m_master, name, sizeof(name)) == 0) {
    slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  }
  if (slave < 0) {
    int error = errno;
    close_master();
    throw SpawnError(std::string("cannot open a pseudo-terminal: ") + std::strerror(error), error);
  }
  termios attributes{};
  tcgetattr(slave, &attributes);
  if (!request.echo) attributes.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(slave, TCSANOW, &attributes);
  winsize size{static_cast<unsigned short>(request.rows), static_cast<unsigned short>(request.cols),
               0, 0};
  ioctl(slave, TIOCSWINSZ, &size);
  return slave;
}

PtyProcess::~PtyProcess() {
  terminate();
}

bool PtyProcess::write(std::string_view data) {
  while (!data.empty() && m_master >= 0) {
    ssize_t n = ::write(m_master, data.data(), data.size());
    if (n > 0) {
      data.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) return false;
    // The program is not reading: keep reading its output so that it cannot block on us.
    pollfd fd{m_master, POLLIN | POLLOUT, 0};
    if (poll(&fd, 1, k_write_stall_ms) <= 0) return false;
    if (fd.revents & POLLIN) {
      char buffer[4096];
      ssize_t got = ::read(m_master, buffer, sizeof(buffer));
      if (got > 0) m_backlog.append(buffer, static_cast<std::size_t>(got));
    }
    if ((fd.revents & (POLLOUT | POLLIN)) == 0) return false;
  }
  return m_master >= 0;
}

PtyProcess::ReadStatus PtyProcess::read(std::string& out, double timeout) {
  if (!m_backlog.empty()) {
    out += m_backlog;
    m_backlog.clear();
    return ReadStatus::data;
  }
  if (m_master < 0) return ReadStatus::eof;
  double deadline = now() + timeout;
  while (true) {
    pollfd fd{m_master, POLLIN, 0};
    timespec wait = to_timespec(deadline - now());
    int ready = ppoll(&fd, 1, &wait, nullptr);
    if (ready < 0 && errno != EINTR) return ReadStatus::eof;
    if (ready > 0) {
      char buffer[65536];
      ssize_t n = ::read(m_master, buffer, sizeof(buffer));
      if (n > 0) {
        out.append(buffer, static_cast<std::size_t>(n));
        return ReadStatus::data;
      }
      if (n == 0 || (errno != EAGAIN && errno != EINTR)) return ReadStatus::eof;
    }
    if (now() >= deadline) return ReadStatus::timeout;
  }
}

void PtyProcess::set_echo(bool on) {
  termios attributes{};
  if (m_master < 0 || tcgetattr(m_master, &attributes) != 0) return;
  if (((attributes.c_lflag & ECHO) != 0) == on) return;
  if (on) {
    attributes.c_lflag |= ECHO;
  } else {
    attributes.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  }
  tcsetattr(m_master, TCSANOW, &attributes);
}

bool PtyProcess::echo() const {
  termios attributes{};
  return m_master >= 0 && tcgetattr(m_master, &attributes) == 0 && (attributes.c_lflag & ECHO);
}

void PtyProcess::resize(int rows, int cols) {
  winsize size{static_cast<unsigned short>(rows), static_cast<unsigned short>(cols), 0, 0};
  if (m_master >= 0) ioctl(m_master, TIOCSWINSZ, &size);
}

void PtyProcess::close_master() noexcept {
  if (m_master >= 0) close(m_master);
  m_master = -1;
}

bool PtyProcess::wait_exit(double timeout) noexcept {
  double deadline = now() + timeout;
  while (true) {
    siginfo_t info{};
    info.si_pid = 0;
    if (waitid(P_PID, static_cast<id_t>(m_pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == m_pid) {
      return true;
    }
    double left = deadline - now();
    if (left <= 0) return false;
    if (m_pidfd >= 0) {
      pollfd fd{m_pidfd, POLLIN, 0};
      timespec wait = to_timespec(left);
      ppoll(&fd, 1, &wait, nullptr);
    } else {
      // Kernels without pidfd: check again in a millisecond.
      timespec tick = to_timespec(std::min(left, 0.001));
      nanosleep(&tick, nullptr);
    }
  }
}

bool PtyProcess::terminate(double grace_seconds) noexcept {
  close_master();  // the hang-up: SIGHUP to the session leader and the foreground job
  if (m_pid <= 0 || m_reaped) return true;
  bool exited = wait_exit(grace_seconds);
  if (!exited) {
    for (int sig : {SIGHUP, SIGCONT, SIGINT}) killpg(m_pid, sig);
    exited = wait_exit(grace_seconds);
  }
  if (!exited) {
    killpg(m_pid, SIGKILL);
    kill(m_pid, SIGKILL);
    exited = wait_exit(k_kill_wait);
  }
  if (!exited) return false;
  sessions::kill_members(
      m_pid);  // the leader is a zombie until reaped: its id cannot be reused yet
  int status = 0;
  while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
  }
  m_reaped = true;
  sessions::remove(m_pid);
  if (m_pidfd >= 0) close(m_pidfd);
  m_pidfd = -1;
  return true;
}

}  // namespace bx
