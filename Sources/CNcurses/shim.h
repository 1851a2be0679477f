// A small shim over ncursesw: Swift cannot call C macros or read some globals directly,
// so each one used by the console gets an inline function here.
#ifndef BATON_CNCURSES_SHIM_H
#define BATON_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *baton_stdscr(void) { return stdscr; }
static inline int baton_lines(void) { return LINES; }
static inline int baton_cols(void) { return COLS; }
static inline int baton_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int baton_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int baton_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int baton_key_resize(void) { return KEY_RESIZE; }
static inline int baton_err(void) { return ERR; }
static inline int baton_key_code_yes(void) { return KEY_CODE_YES; }
static inline void baton_set_escdelay(int ms) { set_escdelay(ms); }
static inline int baton_attr_bold(void) { return (int)A_BOLD; }
static inline int baton_attr_reverse(void) { return (int)A_REVERSE; }
static inline int baton_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int baton_attr_dim(void) { return (int)A_DIM; }
static inline int baton_lc_all(void) { return LC_ALL; }

#endif
