// The error channel for things that stop a file or the whole run (spec §5.7, §5.8).
//
// Expected outcomes of an example (fail, skip) are values; these exceptions are for what
// byexample reports as "Something went wrong": they are caught in one place per file
// (jobs/file_executor) and once for the run (driver.cpp).
#pragma once

#include <stdexcept>
#include <string>

namespace bx {

/// Where an error comes from: printed as `File "<path>", line <n>, [<owner>]` + snippet.
struct ErrorContext {
  std::string filepath;
  int line = 0;
  std::string owner;    ///< "Python Parser", "Shell Prompt Finder", "File Executor", ...
  std::string snippet;  ///< printed indented by 4 when not empty
};

/// A fatal error of a file or of the initialisation (exit code 3).
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, ErrorContext where = {})
      : std::runtime_error(message), m_where(std::move(where)) {}
  const ErrorContext& where() const { return m_where; }
  void set_where(ErrorContext where) { m_where = std::move(where); }

 private:
  ErrorContext m_where;
};

/// The interpreter a document needs is not installed: the document is skipped (exit 77
/// when nothing else ran) instead of being an error.
class InterpreterMissing : public Error {
 public:
  InterpreterMissing(const std::string& message, std::string reason)
      : Error(message), m_reason(std::move(reason)) {}
  /// One line: why the document is skipped.
  const std::string& reason() const { return m_reason; }

 private:
  std::string m_reason;
};

/// A command-line usage error (exit code 2, printed with the usage on stderr).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An example failed to parse (spec §2.1): reported as `<kind>: <message>` and the file
/// is aborted. kind is "ValueError", "PasteError", "UnknownConditionTag".
class ParseError : public std::runtime_error {
 public:
  ParseError(std::string kind, const std::string& message)
      : std::runtime_error(message), m_kind(std::move(kind)) {}
  const std::string& kind() const { return m_kind; }

 private:
  std::string m_kind;
};

/// The interpreter did not show its prompt in time (spec §4.4).
class TimeoutError : public std::runtime_error {
 public:
  TimeoutError(const std::string& message, std::string got_so_far, std::string raw)
      : std::runtime_error(message), output(std::move(got_so_far)), raw_output(std::move(raw)) {}
  std::string output;      ///< got so far, processed as §3.1
  std::string raw_output;  ///< unprocessed
  /// Set when the timeout happened while waiting for an input prefix (spec §4.5).
  std::string input_prefix;
  std::string input_text;
};

/// The interpreter closed (EOF on the pty) while running an example.
class InterpreterClosedError : public std::runtime_error {
 public:
  InterpreterClosedError(const std::string& message, std::string got_so_far, std::string raw)
      : std::runtime_error(message), output(std::move(got_so_far)), raw_output(std::move(raw)) {}
  std::string output;
  std::string raw_output;
};

}  // namespace bx
