#include "driver/concern/progress_bar.hpp"

#include <gtest/gtest.h>

namespace bx {
namespace {

TEST(RenderBarRow, FillsTheBarInProportionToTheExamplesDone) {
  EXPECT_EQ(render_bar_row({"doc.md", 5, 10, 12}, 40), "doc.md |#######        | [5/10, line 12]");
  EXPECT_EQ(render_bar_row({"doc.md", 10, 10, 30}, 40), "doc.md |##############| [10/10, line 30]");
  // Too narrow for the name: the bar keeps its 10 columns.
  EXPECT_EQ(render_bar_row({"doc.md", 0, 0, 0}, 30), "... |          | [0/0, line 0]");
}

TEST(RenderBarRow, CutsALongFileNameFromTheLeft) {
  EXPECT_EQ(render_bar_row({"a/very/long/path/to/the/document.md", 0, 4, 1}, 40),
            "...ocument.md |          | [0/4, line 1]");
}

class ProgressBoardTest : public ::testing::Test {
 protected:
  ProgressBoard::Terminal terminal(int rows) {
    return {rows, 41, [this](std::string_view text) { written += text; }, &lock};
  }
  std::shared_ptr<ProgressBoard> board(int bars, int rows) {
    return sharer.make<ProgressBoard>(bars, terminal(rows));
  }
  Sharer sharer;
  std::recursive_mutex lock;
  std::string written;
};

TEST_F(ProgressBoardTest, ReservesRowsUnderAScrollRegionAndDrawsEachBarInItsRow) {
  auto bars = board(2, 24);
  bars->show(1, {"b.md", 1, 2, 7});
  EXPECT_EQ(written,
            "\n\n\x1b[2A\x1b"
            "7\x1b[1;22r\x1b"
            "8\x1b"
            "7\x1b[24;1H\x1b[2Kb.md |#########          | [1/2, line 7]\x1b"
            "8");
  written.clear();
  bars->show(0, {"a.md", 0, 3, 1});
  EXPECT_EQ(written,
            "\x1b"
            "7\x1b[23;1H\x1b[2Ka.md |                   | [0/3, line 1]\x1b"
            "8");
  written.clear();
  bars->remove(0);
  EXPECT_EQ(written,
            "\x1b"
            "7\x1b[23;1H\x1b[2K\x1b"
            "8");
}

TEST_F(ProgressBoardTest, CloseGivesTheTerminalBackOnce) {
  auto bars = board(2, 24);
  bars->show(0, {"a.md", 0, 1, 1});
  written.clear();
  bars->close();
  EXPECT_EQ(written,
            "\x1b"
            "7\x1b[r\x1b"
            "8\x1b"
            "7\x1b[23;1H\x1b[2K\x1b[24;1H\x1b[2K\x1b"
            "8");
  written.clear();
  bars->close();
  bars->show(0, {"a.md", 1, 1, 1});
  EXPECT_EQ(written, "");
}

TEST_F(ProgressBoardTest, DrawsNothingOnATinyTerminalOrWhenNeverShown) {
  auto tiny = board(2, 4);
  tiny->show(0, {"a.md", 0, 1, 1});
  tiny->close();
  auto unused = board(1, 24);
  unused->close();
  EXPECT_EQ(written, "");
}

}  // namespace
}  // namespace bx
