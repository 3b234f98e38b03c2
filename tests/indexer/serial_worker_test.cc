// Tests SerialWorker: tasks run in order on another thread, failures come back to the caller.
#include "indexer/serial_worker.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace opslag {
namespace {

TEST(SerialWorkerTest, RunsTasksInTheOrderPostedOnAnotherThread) {
  std::vector<int> ran;
  std::thread::id where;
  SerialWorker worker(2);
  for (int i = 0; i < 100; ++i)
    worker.post([&, i] {
      ran.push_back(i);
      where = std::this_thread::get_id();
    });
  worker.wait();
  ASSERT_EQ(ran.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(ran[static_cast<std::size_t>(i)], i);
  EXPECT_NE(where, std::this_thread::get_id());
}

TEST(SerialWorkerTest, AFailedTaskIsRethrownAndTheTasksAfterItAreDropped) {
  SerialWorker worker(4);
  int after = 0;
  worker.post([] { throw std::runtime_error("disk full"); });
  bool thrown = false;
  try {
    for (int i = 0; i < 100; ++i) worker.post([&] { ++after; });
    worker.wait();
  } catch (const std::runtime_error& e) {
    thrown = true;
    EXPECT_STREQ(e.what(), "disk full");
  }
  EXPECT_TRUE(thrown);
  EXPECT_EQ(after, 0);
  EXPECT_THROW(worker.wait(), std::runtime_error);
}

}  // namespace
}  // namespace opslag
