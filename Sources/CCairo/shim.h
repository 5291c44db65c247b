// Cairo with the PDF surface (Debian: libcairo2-dev).
#include <cairo.h>
#include <cairo-pdf.h>
