// libxlsxwriter (Debian: libxlsxwriter-dev).
#include <xlsxwriter.h>
