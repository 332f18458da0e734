// A child process on a pseudo-terminal (spec §4.2, §4.9, §9.5 item 4): its own session with
// the pty as controlling terminal, polled reads with deadlines, window size, echo control,
// and a shutdown, done by the process-wide reaper, that reaps the child and kills whatever
// is left of its session.
#pragma once

#include <sys/types.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "driver/run/reaper.hpp"

namespace bx {

/// What to start on a new pseudo-terminal.
struct PtySpawnRequest {
  std::vector<std::string> argv;  ///< argv[0] is searched in the PATH of `env`
  std::vector<std::string> env;   ///< the child's whole environment, "NAME=value" entries
  int rows = 24;
  int cols = 80;
  bool echo = false;  ///< the terminal's ECHO flag when the program starts
  /// The program reads a pipe written by PtyProcess::write() instead of the terminal, which
  /// stays its controlling terminal and its stdout and stderr: line editors see no terminal
  /// and neither echo nor prompt.
  bool stdin_pipe = false;
};

/// The program could not be executed (not found, not executable, ...).
class SpawnError : public std::runtime_error {
 public:
  SpawnError(const std::string& message, int error) : std::runtime_error(message), m_errno(error) {}
  int error_number() const { return m_errno; }

 private:
  int m_errno;
};

/// The path execvp() would run for `program` given a PATH value; empty if none.
std::string find_executable(const std::string& program, std::string_view path);

class PtyProcess {
 public:
  enum class ReadStatus { data, timeout, eof };

  /// Starts the program; throws SpawnError if it cannot be executed.
  explicit PtyProcess(const PtySpawnRequest& request);
  /// Hands the process to the reaper (see hand_over()) unless that was done.
  ~PtyProcess();
  PtyProcess(const PtyProcess&) = delete;
  PtyProcess& operator=(const PtyProcess&) = delete;

  pid_t pid() const { return m_pid; }

  /// Writes all of `data` to the program's input (the terminal or the stdin pipe); output
  /// that arrives meanwhile is kept for read(). False when the terminal or the pipe is gone.
  bool write(std::string_view data);
  /// Appends what can be read, waiting at most `timeout` seconds for the first bytes.
  ReadStatus read(std::string& out, double timeout);

  /// Sets or clears the terminal's ECHO flag (only touching it when it differs).
  void set_echo(bool on);
  bool echo() const;
  /// Sets the window size; the program gets SIGWINCH.
  void resize(int rows, int cols);

  /// Ends the program without waiting: closes the terminal (hang-up) and hands the process
  /// to the reaper, which sends SIGHUP, SIGCONT, SIGINT and finally SIGKILL to its process
  /// group as needed, kills any process left in its session and reaps it; `warning` is
  /// logged if it survives SIGKILL. Idempotent.
  void hand_over(ReapWarning warning = {});
  /// hand_over() and waits for the reaper. False if the process could not be reaped (it is
  /// still running).
  bool terminate(double grace_seconds = k_grace_seconds) noexcept;

  /// The wait after the hang-up and after SIGHUP/SIGCONT/SIGINT.
  static constexpr double k_grace_seconds = 0.5;

 private:
  /// Opens the pty pair (close-on-exec) with the size and echo wanted; returns the slave
  /// and sets `path` to its name.
  int open_terminal(const PtySpawnRequest& request, std::string& path);
  void hand_over(double grace_seconds, ReapWarning warning);
  void close_master() noexcept;
  /// Makes the stdin pipe (its read end is returned, to be given to the child).
  int open_stdin_pipe();

  pid_t m_pid = -1;
  int m_master = -1;
  int m_stdin = -1;  ///< the write end of the stdin pipe, if any
  int m_pidfd = -1;
  bool m_handed_over = false;
  bool m_reaped = false;
  std::string m_backlog;  ///< read while a write was blocked
};

/// Kills the process group of every interpreter still alive, those handed to the reaper
/// included. Async-signal-safe: meant for the driver's SIGINT/SIGTERM path so that no
/// interpreter outlives byexample.
void kill_all_interpreters() noexcept;

}  // namespace bx
