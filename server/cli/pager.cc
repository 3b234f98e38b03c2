// popen the pager, write, wait.
#include "server/cli/pager.h"

#include <sys/wait.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace opslag {

void show_paged(std::string_view text, bool to_terminal) {
  const char* pager = std::getenv("PAGER");
  const std::string command = pager && *pager ? pager : "less -R";
  if (!to_terminal || command == "cat") {
    std::cout << text << std::flush;
    return;
  }
  if (!std::getenv("LESS")) setenv("LESS", "FRX", 0);
  std::cout.flush();
  FILE* pipe = popen(command.c_str(), "w");
  if (!pipe) {
    std::cout << text << std::flush;
    return;
  }
  // Quitting the pager before the end closes the pipe: that is not an error of ours.
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  (void)std::fwrite(text.data(), 1, text.size(), pipe);
  const int status = pclose(pipe);
  std::signal(SIGPIPE, previous);
  // The shell found no such pager (127): the text is not lost.
  if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
    std::cout << text << std::flush;
}

}  // namespace opslag
