// Cairo with the PDF surface for the board pack and the SVG surface for the dashboard's
// charts (Debian: libcairo2-dev).
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
