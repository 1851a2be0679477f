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

// Added for the console driver: macros over stdscr and the terminal setup it needs.
#include <stdio.h>
static inline SCREEN *baton_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int baton_attrset(int attrs) { return attrset(attrs); }
static inline void baton_timeout(int ms) { timeout(ms); }
static inline int baton_keypad(int on) { return keypad(stdscr, on ? TRUE : FALSE); }
static inline int baton_mvaddnwstr(int y, int x, const wchar_t *text, int n) { return mvaddnwstr(y, x, text, n); }
static inline int baton_get_wch(wint_t *ch) { return get_wch(ch); }
// wcwidth is only declared under _XOPEN_SOURCE; declare it for the driver's width cross-check.
extern int wcwidth(wchar_t c);
static inline int baton_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int baton_ok(void) { return OK; }
static inline int baton_colors(void) { return COLORS; }
static inline int baton_color_pairs(void) { return COLOR_PAIRS; }
static inline int baton_key_up(void) { return KEY_UP; }
static inline int baton_key_down(void) { return KEY_DOWN; }
static inline int baton_key_left(void) { return KEY_LEFT; }
static inline int baton_key_right(void) { return KEY_RIGHT; }
static inline int baton_key_ppage(void) { return KEY_PPAGE; }
static inline int baton_key_npage(void) { return KEY_NPAGE; }
static inline int baton_key_home(void) { return KEY_HOME; }
static inline int baton_key_end(void) { return KEY_END; }
static inline int baton_key_enter(void) { return KEY_ENTER; }
static inline int baton_key_backspace(void) { return KEY_BACKSPACE; }
static inline int baton_key_dc(void) { return KEY_DC; }
static inline int baton_key_btab(void) { return KEY_BTAB; }

// Mouse: clicks and the wheel, reported as press events (no click timing, so a click costs no delay).
static inline int baton_key_mouse(void) { return KEY_MOUSE; }
static inline void baton_enable_mouse(int on) {
    mmask_t old;
    mmask_t wanted = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    mousemask(on ? wanted : 0, &old);
    mouseinterval(0);
}
// kind: 1 press, 2 wheel up, 3 wheel down, 0 anything else. Returns 0 when no event could be read.
static inline int baton_get_mouse(int *kind, int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    *kind = 0;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) *kind = 1;
    else if (event.bstate & BUTTON4_PRESSED) *kind = 2;
#ifdef BUTTON5_PRESSED
    else if (event.bstate & BUTTON5_PRESSED) *kind = 3;
#endif
    return 1;
}
static inline int baton_flushinp(void) { return flushinp(); }

#endif
