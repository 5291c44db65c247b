// glibc's malloc tuning (mallopt); part of libc, nothing to link. Absent elsewhere.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
