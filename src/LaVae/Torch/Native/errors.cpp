#include "shim.h"

namespace {
thread_local std::string last_error;
}

void lavae::set_error(const char* message) { last_error = message; }

// The message of the last failed call on this thread; empty when none failed.
LAVAE_API const char* lavae_last_error() { return last_error.c_str(); }

LAVAE_API void lavae_clear_error() { last_error.clear(); }
