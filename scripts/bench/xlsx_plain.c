/*
 * The benchmark peer of StressPack's exposure sheet (scripts/bench/xlsx.sh): a
 * plain C program that writes the same rows with libxlsxwriter, as directly as
 * the library allows. It reads the portfolio CSV into memory first (not
 * timed), then times workbook_new .. workbook_close: a constant-memory
 * workbook with one sheet laid out as StressPack's (title, subtitle, three
 * total rows with formulas, the header, one row per exposure with the same
 * number formats; blank cells where the CSV is blank), frozen panes and an
 * autofilter.
 *
 *   cc -O2 -o xlsx_plain xlsx_plain.c -lxlsxwriter -lm
 *   ./xlsx_plain bank.csv out.xlsx [repetitions]
 *
 * Prints "c_seconds=<median>" and the minimum and maximum.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

/* CSV columns of `stresspack portfolio sample`, in file order. */
enum { ID, SEGMENT, ASSET_CLASS, PD, LGD, EAD, DRAWN, UNDRAWN, CCF, MATURITY, TURNOVER, COLLATERAL,
       SECTOR, COUNTRY, RATING, CURRENCY, AMORTISATION, NCSV };

/* Sheet columns, in StressPack's order: the CSV column, text or number, and the number format. */
static const struct { int csv; int text; const char *header; const char *format; } COLUMNS[] = {
    {ID, 1, "Exposure id", NULL},
    {SEGMENT, 1, "Segment", NULL},
    {ASSET_CLASS, 1, "Asset class", NULL},
    {SECTOR, 1, "Sector", NULL},
    {COUNTRY, 1, "Country", NULL},
    {RATING, 1, "Rating", NULL},
    {CURRENCY, 1, "Currency", NULL},
    {PD, 0, "PD", "0.000%"},
    {LGD, 0, "LGD", "0.0%"},
    {EAD, 0, "EAD", "#,##0"},
    {DRAWN, 0, "Drawn", "#,##0"},
    {UNDRAWN, 0, "Undrawn", "#,##0"},
    {CCF, 0, "CCF", "0%"},
    {MATURITY, 0, "Maturity (years)", "0.00"},
    {COLLATERAL, 0, "Collateral value", "#,##0"},
    {AMORTISATION, 0, "Amortisation per period", "0.0%"},
    {TURNOVER, 0, "Turnover (EUR m)", "0.0"},
};
#define NCOLUMNS ((int)(sizeof COLUMNS / sizeof COLUMNS[0]))

typedef struct { size_t rows, capacity; char **text[NCSV]; double *number[NCSV]; } portfolio;

/* Interned strings for the categorical columns: a few dozen levels. */
static char *levels[4096];
static int nlevels;
static char *intern(const char *s) {
    for (int i = 0; i < nlevels; i++) if (strcmp(levels[i], s) == 0) return levels[i];
    if (nlevels == 4096) { fprintf(stderr, "too many distinct values\n"); exit(1); }
    return levels[nlevels++] = strdup(s);
}

static void load(const char *path, portfolio *p) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(1); }
    char *line = NULL; size_t n = 0; ssize_t len;
    memset(p, 0, sizeof *p);
    if (getline(&line, &n, f) < 0) { fprintf(stderr, "%s: empty\n", path); exit(1); }
    while ((len = getline(&line, &n, f)) > 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        if (p->rows == p->capacity) {
            p->capacity = p->capacity ? 2 * p->capacity : 1 << 16;
            for (int c = 0; c < NCSV; c++) {
                p->text[c] = realloc(p->text[c], p->capacity * sizeof(char *));
                p->number[c] = realloc(p->number[c], p->capacity * sizeof(double));
            }
        }
        char *field = line;
        for (int c = 0; c < NCSV; c++) {
            char *end = strchr(field, ',');
            if (end) *end = 0;
            int categorical = c == SEGMENT || c == ASSET_CLASS || c == SECTOR || c == COUNTRY || c == RATING || c == CURRENCY;
            p->text[c][p->rows] = c == ID ? strdup(field) : categorical ? intern(field) : NULL;
            p->number[c][p->rows] = *field ? strtod(field, NULL) : NAN;
            field = end ? end + 1 : field + strlen(field);
        }
        p->rows++;
    }
    free(line);
    fclose(f);
}

static void check(lxw_error e, const char *what) {
    if (e != LXW_NO_ERROR) { fprintf(stderr, "%s: %s\n", what, lxw_strerror(e)); exit(1); }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void write_workbook(const portfolio *p, const char *out) {
    lxw_workbook_options options = {.constant_memory = 1, .tmpdir = NULL, .use_zip64 = 1};
    lxw_workbook *wb = workbook_new_opt(out, &options);
    if (!wb) { fprintf(stderr, "workbook_new_opt failed\n"); exit(1); }
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Exposures");
    lxw_format *title = workbook_add_format(wb), *subtitle = workbook_add_format(wb);
    lxw_format *header = workbook_add_format(wb), *number_header = workbook_add_format(wb);
    lxw_format *total = workbook_add_format(wb), *subtotal = workbook_add_format(wb);
    format_set_bold(title); format_set_font_size(title, 14);
    format_set_italic(subtitle); format_set_font_size(subtitle, 9);
    format_set_bold(header); format_set_text_wrap(header); format_set_bg_color(header, 0xD9E1F2);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_bold(number_header); format_set_text_wrap(number_header); format_set_bg_color(number_header, 0xD9E1F2);
    format_set_bottom(number_header, LXW_BORDER_THIN); format_set_align(number_header, LXW_ALIGN_RIGHT);
    format_set_bold(total); format_set_top(total, LXW_BORDER_THIN);
    format_set_bold(subtotal);
    lxw_format *body[NCOLUMNS];
    for (int c = 0; c < NCOLUMNS; c++) {
        body[c] = workbook_add_format(wb);
        if (COLUMNS[c].format) format_set_num_format(body[c], COLUMNS[c].format);
        check(worksheet_set_column(ws, c, c, COLUMNS[c].text ? 22 : 14, NULL), "set_column");
    }
    lxw_row_t first = 7, last = first + (lxw_row_t)p->rows - 1;
    worksheet_freeze_panes(ws, first, 1);
    check(worksheet_autofilter(ws, first - 1, 0, last, NCOLUMNS - 1), "autofilter");

    check(worksheet_write_string(ws, 0, 0, "Exposures at jump-off (portfolio input)", title), "title");
    check(worksheet_write_string(ws, 1, 0, "Run bench", subtitle), "subtitle");
    /* Totals above the header: weighted PD and LGD, EAD; expected loss; count. */
    double ead = 0, pd_ead = 0, lgd_ead = 0, el = 0;
    for (size_t i = 0; i < p->rows; i++) {
        double e = p->number[EAD][i];
        ead += e; pd_ead += p->number[PD][i] * e; lgd_ead += p->number[LGD][i] * e;
        el += p->number[PD][i] * p->number[LGD][i] * e;
    }
    char range_pd[64], range_lgd[64], range_ead[64], formula[256];
    snprintf(range_pd, sizeof range_pd, "H%u:H%u", first + 1, last + 1);
    snprintf(range_lgd, sizeof range_lgd, "I%u:I%u", first + 1, last + 1);
    snprintf(range_ead, sizeof range_ead, "J%u:J%u", first + 1, last + 1);
    check(worksheet_write_string(ws, 3, 0, "Total EAD; EAD-weighted PD and LGD", total), "label");
    snprintf(formula, sizeof formula, "=SUMPRODUCT(%s,%s)/SUM(%s)", range_pd, range_ead, range_ead);
    check(worksheet_write_formula_num(ws, 3, 7, formula, total, pd_ead / ead), "formula");
    snprintf(formula, sizeof formula, "=SUMPRODUCT(%s,%s)/SUM(%s)", range_lgd, range_ead, range_ead);
    check(worksheet_write_formula_num(ws, 3, 8, formula, total, lgd_ead / ead), "formula");
    snprintf(formula, sizeof formula, "=SUM(%s)", range_ead);
    check(worksheet_write_formula_num(ws, 3, 9, formula, total, ead), "formula");
    check(worksheet_write_string(ws, 4, 0, "Expected loss", subtotal), "label");
    snprintf(formula, sizeof formula, "=SUMPRODUCT(%s,%s,%s)", range_pd, range_lgd, range_ead);
    check(worksheet_write_formula_num(ws, 4, 9, formula, subtotal, el), "formula");
    check(worksheet_write_string(ws, 5, 0, "Exposures", subtotal), "label");
    snprintf(formula, sizeof formula, "=COUNT(%s)", range_ead);
    check(worksheet_write_formula_num(ws, 5, 9, formula, subtotal, (double)p->rows), "formula");
    check(worksheet_set_row(ws, first - 1, 30, NULL), "set_row");
    for (int c = 0; c < NCOLUMNS; c++)
        check(worksheet_write_string(ws, first - 1, c, COLUMNS[c].header, COLUMNS[c].text ? header : number_header), "header");

    for (size_t i = 0; i < p->rows; i++) {
        lxw_row_t row = first + (lxw_row_t)i;
        for (int c = 0; c < NCOLUMNS; c++) {
            int k = COLUMNS[c].csv;
            if (COLUMNS[c].text) {
                const char *s = p->text[k][i];
                if (*s) check(worksheet_write_string(ws, row, c, s, body[c]), "string");
            } else {
                double x = p->number[k][i];
                if (!isnan(x)) check(worksheet_write_number(ws, row, c, x, body[c]), "number");
            }
        }
    }
    check(workbook_close(wb), "workbook_close");
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s portfolio.csv out.xlsx [repetitions]\n", argv[0]); return 2; }
    int repetitions = argc > 3 ? atoi(argv[3]) : 3;
    portfolio p;
    load(argv[1], &p);
    double seconds[64];
    if (repetitions < 1 || repetitions > 64) repetitions = 3;
    for (int r = 0; r < repetitions; r++) {
        double start = now();
        write_workbook(&p, argv[2]);
        seconds[r] = now() - start;
    }
    qsort(seconds, repetitions, sizeof seconds[0], compare);
    printf("plain C, %zu rows x %d columns: median %.3f s (min %.3f, max %.3f)\n", p.rows, NCOLUMNS,
           seconds[repetitions / 2], seconds[0], seconds[repetitions - 1]);
    printf("c_seconds=%.4f\n", seconds[repetitions / 2]);
    return 0;
}
