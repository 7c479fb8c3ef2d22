/*
 * framing.text._cscan: scanners of the extractors' hot paths, in C. Each gives exactly what a
 * Python expression gives (a regex's spans or substitution), without a Python object per
 * character or match; the build compiles this file when it can (setup.py), and without it the
 * callers run that expression. Written for framing; tests/attribution/test_pattern_shortcuts.py
 * compares each with its expression on real, generated and arbitrary Unicode text.
 *
 * token_spans(text, lo, hi) returns what
 *     [m.span() for m in framing.text.segment.TOKEN_RE.finditer(text, lo, hi)]
 * returns, where TOKEN_RE is
 *     \d+(?:[.,:]\d+)+ | [^\W_]+(?:[-'.\u2019][^\W_]+)* | \S
 * (a number with inner separators, a word with inner hyphens, apostrophes and periods, or
 * any other character that is not a blank). The classes are the ones Python's re module
 * uses for str patterns: \d is Py_UNICODE_ISDECIMAL, [^\W_] is Py_UNICODE_ISALNUM and \s is
 * Py_UNICODE_ISSPACE. lo and hi are clipped to the text as re clips pos and endpos. The
 * speaker rules tokenise a window before every cue; a match object per token made that a
 * tenth of the extractor's time.
 *
 * name_spans(text, lo, hi, titles): the name runs of framing.attribution.speakers._NAME_RE.
 * map_chars(text, src, dst): the typographic variants of framing.text.typography replaced.
 * ac_build(keys), ac_scan(automaton, text): the keys' occurrences, as pyahocorasick finds them.
 * lead_word(text, pos, hi): the ASCII word after the blanks at pos (the time-phrase check).
 * terminators(text, start, end): the candidate sentence ends of the sentence splitter.
 * next_words(text, pos, hi): the two words after a cue, as the rules' _NEXT_WORDS finds them.
 * fill_slots(obj, fields, values, required): a frozen slotted record's fields stored at once.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>
#include <stdint.h>
#include <structmember.h>  /* PyMember_SetOne (fill_slots) */

/* The three character classes, with ASCII answered inline (most characters of news text). */
static inline int
is_space(Py_UCS4 c)
{
    if (c < 128)
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    return Py_UNICODE_ISSPACE(c);
}

static inline int
is_decimal(Py_UCS4 c)
{
    if (c < 128)
        return c >= '0' && c <= '9';
    return Py_UNICODE_ISDECIMAL(c);
}

static inline int
is_alnum(Py_UCS4 c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return Py_UNICODE_ISALNUM(c);
}

static inline int
is_word_joiner(Py_UCS4 c)
{
    return c == '-' || c == '\'' || c == '.' || c == 0x2019;
}

static inline int
is_number_joiner(Py_UCS4 c)
{
    return c == '.' || c == ',' || c == ':';
}

/* The end of the number token that starts at i (a decimal digit), or -1 when the text
   there is no number with a separator ("1,800", "10:30"; "2016" alone is a word). */
static Py_ssize_t
number_end(int kind, const void *data, Py_ssize_t i, Py_ssize_t hi)
{
    Py_ssize_t j = i;
    int groups = 0;
    while (j < hi && is_decimal(PyUnicode_READ(kind, data, j)))
        j++;
    while (j + 1 < hi && is_number_joiner(PyUnicode_READ(kind, data, j))
           && is_decimal(PyUnicode_READ(kind, data, j + 1))) {
        j += 2;
        while (j < hi && is_decimal(PyUnicode_READ(kind, data, j)))
            j++;
        groups++;
    }
    return groups ? j : -1;
}

/* The end of the word token that starts at i (a letter or digit). */
static Py_ssize_t
word_end(int kind, const void *data, Py_ssize_t i, Py_ssize_t hi)
{
    Py_ssize_t j = i;
    while (j < hi && is_alnum(PyUnicode_READ(kind, data, j)))
        j++;
    while (j + 1 < hi && is_word_joiner(PyUnicode_READ(kind, data, j))
           && is_alnum(PyUnicode_READ(kind, data, j + 1))) {
        j += 2;
        while (j < hi && is_alnum(PyUnicode_READ(kind, data, j)))
            j++;
    }
    return j;
}

/* out.append((a, b)): a span, or an automaton hit; -1 with an exception set on failure */
static int
append_pair(PyObject *out, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *a = PyLong_FromSsize_t(start);
    if (a == NULL)
        return -1;
    PyObject *b = PyLong_FromSsize_t(end);
    if (b == NULL) {
        Py_DECREF(a);
        return -1;
    }
    PyObject *span = PyTuple_New(2);
    if (span == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return -1;
    }
    PyTuple_SET_ITEM(span, 0, a);
    PyTuple_SET_ITEM(span, 1, b);
    int failed = PyList_Append(out, span);
    Py_DECREF(span);
    return failed;
}

/* args as (text, lo, hi, ...), nargs checked against `expected` (the call's usage in
   `usage`), lo and hi clipped to the text as re clips pos and endpos; -1 with an exception set
   on bad arguments */
static int
text_range(const char *fname, const char *usage, PyObject *const *args, Py_ssize_t nargs,
           Py_ssize_t expected, Py_ssize_t *lo, Py_ssize_t *hi)
{
    if (nargs != expected) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd arguments (%s), got %zd", fname, expected,
                     usage, nargs);
        return -1;
    }
    PyObject *text = args[0];
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s() expects str, got %s", fname, Py_TYPE(text)->tp_name);
        return -1;
    }
    *lo = PyLong_AsSsize_t(args[1]);
    if (*lo == -1 && PyErr_Occurred())
        return -1;
    *hi = PyLong_AsSsize_t(args[2]);
    if (*hi == -1 && PyErr_Occurred())
        return -1;
    if (PyUnicode_READY(text) < 0)
        return -1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    *lo = *lo < 0 ? 0 : (*lo > n ? n : *lo);
    *hi = *hi < 0 ? 0 : (*hi > n ? n : *hi);
    return 0;
}

static PyObject *
token_spans(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t lo, hi;
    if (text_range("token_spans", "text, lo, hi", args, nargs, 3, &lo, &hi) < 0)
        return NULL;
    PyObject *text = args[0];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = lo;
    while (i < hi) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (is_space(c)) {
            i++;
            continue;
        }
        Py_ssize_t end = -1;
        if (is_decimal(c))
            end = number_end(kind, data, i, hi);
        if (end < 0)
            end = is_alnum(c) ? word_end(kind, data, i, hi) : i + 1;
        if (append_pair(out, i, end) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        i = end;
    }
    return out;
}

/* ---------------------------------------------------------------------------------------
 * name_spans(text, lo, hi, titles): the spans of framing.attribution.speakers._NAME_RE's
 * matches in text[lo:hi] (finditer), that is runs of capitalised name tokens:
 *
 *   token := TITLE "." (?=[ \t]+[A-Z])                       ("Sen." before a name)
 *          | (?:PREFIX "-")? [A-Z] (?:[\w'\u2019-]+ | ".")   ("al-Maliki", "Obama", "J.")
 *   run   := (?<![A-Z]\.) token ([ \t]+ (PARTICLE [ \t]+)? token)*
 *
 * with TITLE one of ``titles`` (capitalised abbreviations of at most four characters, which
 * the caller builds from person_titles.tsv as _NAME_RE does), PREFIX one of al el ad as ash an
 * bin abu and PARTICLE one of al el bin ibn de van von der da di du le la abu bint. The
 * choices are tried in the pattern's order and a run stops at the first token that does not
 * follow, as the regex's greedy repetition does; the look-behind may read before lo.
 */

static const char *const NAME_PREFIXES[] = {"al", "el", "ad", "as", "ash", "an", "bin", "abu",
                                            NULL};
static const char *const NAME_PARTICLES[] = {"al", "el", "bin", "ibn", "de", "van", "von", "der",
                                             "da", "di", "du", "le", "la", "abu", "bint", NULL};

static inline int
is_upper_ascii(Py_UCS4 c)
{
    return c >= 'A' && c <= 'Z';
}

static inline int
is_blank(Py_UCS4 c)
{
    return c == ' ' || c == '\t';
}

/* [\w'\u2019-]: \w is a letter, digit or underscore to Python */
static inline int
is_name_char(Py_UCS4 c)
{
    return is_alnum(c) || c == '_' || c == '\'' || c == 0x2019 || c == '-';
}

/* text[i:] starts with the ASCII word w (within hi); its length, or 0 */
static Py_ssize_t
starts_with(int kind, const void *data, Py_ssize_t i, Py_ssize_t hi, const char *w)
{
    Py_ssize_t k = 0;
    for (; w[k]; k++) {
        if (i + k >= hi || PyUnicode_READ(kind, data, i + k) != (Py_UCS4)(unsigned char)w[k])
            return 0;
    }
    return k;
}

/* The end of the title token at i ("Sen." before blanks and a capital), or -1; an error
   (a failed set lookup) gives -2. */
static Py_ssize_t
title_end(PyObject *text, int kind, const void *data, Py_ssize_t i, Py_ssize_t hi,
          PyObject *titles)
{
    for (Py_ssize_t len = 1; len <= 4; len++) {
        Py_ssize_t dot = i + len;
        if (dot >= hi)
            return -1;
        Py_UCS4 c = PyUnicode_READ(kind, data, dot);
        if (c != '.')
            continue;
        Py_ssize_t j = dot + 1;
        if (j >= hi || !is_blank(PyUnicode_READ(kind, data, j)))
            return -1;  /* (a title is letters: a period at len ends any candidate) */
        while (j < hi && is_blank(PyUnicode_READ(kind, data, j)))
            j++;
        if (j >= hi || !is_upper_ascii(PyUnicode_READ(kind, data, j)))
            return -1;
        PyObject *word = PyUnicode_Substring(text, i, dot);
        if (word == NULL)
            return -2;
        int found = PySet_Contains(titles, word);
        Py_DECREF(word);
        if (found < 0)
            return -2;
        return found ? dot + 1 : -1;
    }
    return -1;
}

/* The end of the name token at i, or -1 (-2 on an error). */
static Py_ssize_t
name_token_end(PyObject *text, int kind, const void *data, Py_ssize_t i, Py_ssize_t hi,
               PyObject *titles)
{
    if (i >= hi)
        return -1;
    Py_UCS4 c = PyUnicode_READ(kind, data, i);
    Py_ssize_t start = i;
    if (is_upper_ascii(c)) {
        Py_ssize_t t = title_end(text, kind, data, i, hi, titles);
        if (t != -1)
            return t;
    }
    else {
        /* a prefix and a hyphen: "al-Maliki", "bin-Laden" */
        start = -1;
        for (int k = 0; NAME_PREFIXES[k] != NULL; k++) {
            Py_ssize_t n = starts_with(kind, data, i, hi, NAME_PREFIXES[k]);
            if (n && i + n < hi && PyUnicode_READ(kind, data, i + n) == '-'
                && i + n + 1 < hi && is_upper_ascii(PyUnicode_READ(kind, data, i + n + 1))) {
                start = i + n + 1;
                break;
            }
        }
        if (start < 0)
            return -1;
    }
    Py_ssize_t j = start + 1;  /* after the capital */
    if (j >= hi)
        return -1;
    Py_UCS4 d = PyUnicode_READ(kind, data, j);
    if (is_name_char(d)) {
        while (j < hi && is_name_char(PyUnicode_READ(kind, data, j)))
            j++;
        return j;
    }
    return d == '.' ? j + 1 : -1;
}

static PyObject *
name_spans(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t lo, hi;
    if (text_range("name_spans", "text, lo, hi, titles", args, nargs, 4, &lo, &hi) < 0)
        return NULL;
    PyObject *text = args[0], *titles = args[3];
    if (!PyAnySet_Check(titles)) {
        PyErr_SetString(PyExc_TypeError, "name_spans() expects the titles as a set");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = lo;
    while (i < hi) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        /* a token starts with a capital or with a prefix's a, e or b */
        if (!is_upper_ascii(c) && c != 'a' && c != 'e' && c != 'b') {
            i++;
            continue;
        }
        if (i >= 2 && PyUnicode_READ(kind, data, i - 1) == '.'
            && is_upper_ascii(PyUnicode_READ(kind, data, i - 2))) {
            i++;  /* (?<![A-Z]\.): not right after an initial */
            continue;
        }
        Py_ssize_t end = name_token_end(text, kind, data, i, hi, titles);
        if (end == -2)
            goto error;
        if (end < 0) {
            i++;
            continue;
        }
        for (;;) {  /* more tokens, each after blanks and perhaps a particle */
            Py_ssize_t j = end;
            if (j >= hi || !is_blank(PyUnicode_READ(kind, data, j)))
                break;
            while (j < hi && is_blank(PyUnicode_READ(kind, data, j)))
                j++;
            Py_ssize_t next = -1;
            for (int k = 0; NAME_PARTICLES[k] != NULL; k++) {
                Py_ssize_t p = starts_with(kind, data, j, hi, NAME_PARTICLES[k]);
                if (!p || j + p >= hi || !is_blank(PyUnicode_READ(kind, data, j + p)))
                    continue;
                Py_ssize_t q = j + p;
                while (q < hi && is_blank(PyUnicode_READ(kind, data, q)))
                    q++;
                next = name_token_end(text, kind, data, q, hi, titles);
                if (next == -2)
                    goto error;
                if (next >= 0)
                    break;
            }
            if (next < 0) {
                next = name_token_end(text, kind, data, j, hi, titles);
                if (next == -2)
                    goto error;
            }
            if (next < 0)
                break;
            end = next;
        }
        if (append_pair(out, i, end) < 0)
            goto error;
        i = end;
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

/* ---------------------------------------------------------------------------------------
 * map_chars(text, src, dst): text with every character of src replaced by the character at
 * the same place in dst (src and dst of one length, src without ASCII): what
 * framing.text.typography's regex substitution of typographic variants does, in one pass.
 * text itself when nothing changes.
 */
/* the character of dst at the place of c in src, or c when src does not hold it */
static inline Py_UCS4
mapped(Py_UCS4 c, int skind, const void *sdata, int dkind, const void *ddata, Py_ssize_t n_map)
{
    for (Py_ssize_t k = 0; k < n_map; k++)
        if (PyUnicode_READ(skind, sdata, k) == c)
            return PyUnicode_READ(dkind, ddata, k);
    return c;
}

static PyObject *
map_chars(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "map_chars() takes 3 arguments (text, src, dst), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *text = args[0], *src = args[1], *dst = args[2];
    if (!PyUnicode_Check(text) || !PyUnicode_Check(src) || !PyUnicode_Check(dst)) {
        PyErr_SetString(PyExc_TypeError, "map_chars() expects three str");
        return NULL;
    }
    if (PyUnicode_READY(text) < 0 || PyUnicode_READY(src) < 0 || PyUnicode_READY(dst) < 0)
        return NULL;
    Py_ssize_t n_map = PyUnicode_GET_LENGTH(src);
    if (PyUnicode_GET_LENGTH(dst) != n_map) {
        PyErr_SetString(PyExc_ValueError, "map_chars(): src and dst differ in length");
        return NULL;
    }
    int skind = PyUnicode_KIND(src), dkind = PyUnicode_KIND(dst);
    const void *sdata = PyUnicode_DATA(src), *ddata = PyUnicode_DATA(dst);
    for (Py_ssize_t k = 0; k < n_map; k++) {
        if (PyUnicode_READ(skind, sdata, k) < 128) {
            PyErr_SetString(PyExc_ValueError, "map_chars(): src holds an ASCII character");
            return NULL;
        }
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* first pass: does anything change, and the widest character of the result */
    Py_UCS4 maxchar = 0;
    int changed = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_UCS4 m = c < 128 ? c : mapped(c, skind, sdata, dkind, ddata, n_map);
        changed |= m != c;
        if (m > maxchar)
            maxchar = m;
    }
    if (!changed) {
        Py_INCREF(text);
        return text;
    }
    PyObject *out = PyUnicode_New(n, maxchar);
    if (out == NULL)
        return NULL;
    int okind = PyUnicode_KIND(out);
    void *odata = PyUnicode_DATA(out);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        PyUnicode_WRITE(okind, odata, i,
                        c < 128 ? c : mapped(c, skind, sdata, dkind, ddata, n_map));
    }
    return out;
}

/* ---------------------------------------------------------------------------------------
 * Aho-Corasick over ASCII keys: ac_build(keys) -> automaton (a capsule), and
 * ac_scan(automaton, text) -> [(end, key index)], every occurrence of every key in text
 * (overlapping ones too) by the index of its last character, in the order pyahocorasick's
 * Automaton.iter reports them: by end, and at one end the longest key first. The automaton is
 * a complete transition table over the characters the keys hold (any other character, ASCII
 * or not, leads back to the root), so the scan reads one table cell per character.
 */

#define AC_CAPSULE "framing.text._cscan.automaton"
#define AC_OUTPUT 0x8000     /* in a table cell: the node reports a key */
#define AC_NODE_MASK 0x7fff  /* in a table cell: the node */

typedef struct {
    int ncols;              /* columns: 0 for a character no key holds, then one per character */
    int nnodes;
    int col[128];           /* ASCII character -> column */
    int *delta;             /* while building: nnodes * ncols, the next node or -1 */
    uint16_t *table;        /* the same, built, with AC_OUTPUT on the nodes that report a key:
                               small, so that more of it stays in cache */
    int *term;              /* per node: the key that ends there, or -1 */
    int *dict_link;         /* per node: the nearest proper suffix node where a key ends, or -1 */
} Automaton;

static void
ac_free(Automaton *a)
{
    if (a == NULL)
        return;
    PyMem_Free(a->delta);
    PyMem_Free(a->table);
    PyMem_Free(a->term);
    PyMem_Free(a->dict_link);
    PyMem_Free(a);
}

static void
ac_capsule_destructor(PyObject *capsule)
{
    ac_free((Automaton *)PyCapsule_GetPointer(capsule, AC_CAPSULE));
}

static PyObject *
ac_build(PyObject *Py_UNUSED(module), PyObject *keys)
{
    PyObject *capsule = NULL;
    Automaton *a = NULL;
    int *fail = NULL, *queue = NULL, *term2 = NULL, *link2 = NULL;
    PyObject *seq = PySequence_Fast(keys, "ac_build() expects a sequence of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t nkeys = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    a = PyMem_Calloc(1, sizeof(Automaton));
    if (a == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* the alphabet, and the most nodes the trie can have */
    Py_ssize_t total = 1;
    a->ncols = 1;
    for (Py_ssize_t k = 0; k < nkeys; k++) {
        PyObject *key = items[k];
        if (!PyUnicode_Check(key) || PyUnicode_READY(key) < 0 || !PyUnicode_IS_ASCII(key)
            || PyUnicode_GET_LENGTH(key) == 0) {
            PyErr_SetString(PyExc_ValueError, "ac_build(): every key must be a non-empty ASCII str");
            goto done;
        }
        const Py_UCS1 *chars = PyUnicode_1BYTE_DATA(key);
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(key); i++) {
            if (a->col[chars[i]] == 0)
                a->col[chars[i]] = a->ncols++;
        }
        total += PyUnicode_GET_LENGTH(key);
    }
    if (total > INT_MAX / a->ncols) {
        PyErr_SetString(PyExc_ValueError, "ac_build(): too many keys");
        goto done;
    }
    const int ncols = a->ncols;
    a->delta = PyMem_Malloc(sizeof(int) * total * ncols);
    a->term = PyMem_Malloc(sizeof(int) * total);
    a->dict_link = PyMem_Malloc(sizeof(int) * total);
    if (a->delta == NULL || a->term == NULL || a->dict_link == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < total * ncols; i++)
        a->delta[i] = -1;
    a->nnodes = 1;
    a->term[0] = -1;
    for (Py_ssize_t k = 0; k < nkeys; k++) {  /* the trie */
        PyObject *key = items[k];
        const Py_UCS1 *chars = PyUnicode_1BYTE_DATA(key);
        int node = 0;
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(key); i++) {
            int *cell = &a->delta[node * ncols + a->col[chars[i]]];
            if (*cell < 0) {
                *cell = a->nnodes;
                a->term[a->nnodes] = -1;
                a->nnodes++;
            }
            node = *cell;
        }
        a->term[node] = (int)k;  /* a repeated key: the last one, as a dict keeps it */
    }
    if (a->nnodes > AC_NODE_MASK) {
        PyErr_SetString(PyExc_ValueError, "ac_build(): too many keys");
        goto done;
    }
    /* failure links, breadth first, completing the transitions */
    fail = PyMem_Malloc(sizeof(int) * a->nnodes);
    queue = PyMem_Malloc(sizeof(int) * a->nnodes);
    term2 = PyMem_Malloc(sizeof(int) * a->nnodes);
    link2 = PyMem_Malloc(sizeof(int) * a->nnodes);
    a->table = PyMem_Malloc(sizeof(uint16_t) * (size_t)a->nnodes * ncols);
    if (fail == NULL || queue == NULL || term2 == NULL || link2 == NULL || a->table == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int head = 0, tail = 0;
    fail[0] = 0;
    a->dict_link[0] = -1;
    for (int c = 0; c < ncols; c++) {
        int v = a->delta[c];
        if (v < 0) {
            a->delta[c] = 0;
        }
        else {
            fail[v] = 0;
            a->dict_link[v] = -1;
            queue[tail++] = v;
        }
    }
    while (head < tail) {
        int u = queue[head++];
        for (int c = 0; c < ncols; c++) {
            int v = a->delta[u * ncols + c];
            int f = a->delta[fail[u] * ncols + c];
            if (v < 0) {
                a->delta[u * ncols + c] = f;
            }
            else {
                fail[v] = f;
                a->dict_link[v] = a->term[f] >= 0 ? f : a->dict_link[f];
                queue[tail++] = v;
            }
        }
    }
    /* the table, its nodes numbered breadth first (the shallow nodes, where a scan spends most
       of its steps, then share cache lines) and marked when a key ends there or at one of its
       suffixes */
    int *order = fail;  /* fail[] is no longer needed: old node -> new node */
    order[0] = 0;
    for (int q = 0; q < tail; q++)
        order[queue[q]] = q + 1;
    for (int u = 0; u < a->nnodes; u++) {
        term2[order[u]] = a->term[u];
        link2[order[u]] = a->dict_link[u] < 0 ? -1 : order[a->dict_link[u]];
    }
    for (int u = 0; u < a->nnodes; u++) {
        for (int c = 0; c < ncols; c++) {
            int v = order[a->delta[u * ncols + c]];
            a->table[order[u] * ncols + c] =
                (uint16_t)(v | (term2[v] >= 0 || link2[v] >= 0 ? AC_OUTPUT : 0));
        }
    }
    PyMem_Free(a->delta);
    PyMem_Free(a->term);
    PyMem_Free(a->dict_link);
    a->delta = NULL;
    a->term = term2;
    a->dict_link = link2;
    term2 = link2 = NULL;
    capsule = PyCapsule_New(a, AC_CAPSULE, ac_capsule_destructor);
    if (capsule != NULL)
        a = NULL;  /* the capsule owns it */
done:
    PyMem_Free(fail);
    PyMem_Free(queue);
    PyMem_Free(term2);
    PyMem_Free(link2);
    ac_free(a);
    Py_DECREF(seq);
    return capsule;
}

static PyObject *
ac_scan(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "ac_scan() takes 2 arguments (automaton, text), got %zd",
                     nargs);
        return NULL;
    }
    Automaton *a = PyCapsule_GetPointer(args[0], AC_CAPSULE);
    if (a == NULL)
        return NULL;
    PyObject *text = args[1];
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "ac_scan() expects str, got %s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (PyUnicode_READY(text) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    const int ncols = a->ncols;
    const uint16_t *table = a->table;
    const int *term = a->term, *dict_link = a->dict_link, *col = a->col;
    int node = 0;
    /* one loop per string kind, so that reading a character is one load */
#define AC_SCAN_LOOP(CHAR_TYPE)                                                              \
    {                                                                                        \
        const CHAR_TYPE *chars = (const CHAR_TYPE *)data;                                    \
        for (Py_ssize_t i = 0; i < n; i++) {                                                 \
            Py_UCS4 c = chars[i];                                                            \
            int next = table[node * ncols + (c < 128 ? col[c] : 0)];                         \
            node = next & AC_NODE_MASK;                                                      \
            if (next & AC_OUTPUT)                                                            \
                for (int k = term[node] >= 0 ? node : dict_link[node]; k >= 0;               \
                     k = dict_link[k])                                                       \
                    if (append_pair(out, i, term[k]) < 0)                                    \
                        goto error;                                                          \
        }                                                                                    \
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        AC_SCAN_LOOP(Py_UCS1)
        break;
    case PyUnicode_2BYTE_KIND:
        AC_SCAN_LOOP(Py_UCS2)
        break;
    default:
        AC_SCAN_LOOP(Py_UCS4)
        break;
    }
#undef AC_SCAN_LOOP
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

/* ---------------------------------------------------------------------------------------
 * lead_word(text, pos, hi): the run of ASCII letters after the blanks (str.isspace) at pos,
 * within hi, or None when the character right after that run is outside ASCII (where
 * case-insensitive matching may still see a letter: "\u212a" matches "k").
 */
static PyObject *
lead_word(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t pos, hi;
    if (text_range("lead_word", "text, pos, hi", args, nargs, 3, &pos, &hi) < 0)
        return NULL;
    PyObject *text = args[0];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    while (pos < hi && is_space(PyUnicode_READ(kind, data, pos)))
        pos++;
    Py_ssize_t end = pos;
    while (end < hi) {
        Py_UCS4 c = PyUnicode_READ(kind, data, end);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            break;
        end++;
    }
    if (end < hi && PyUnicode_READ(kind, data, end) >= 128)
        Py_RETURN_NONE;
    return PyUnicode_Substring(text, pos, end);
}

/* ---------------------------------------------------------------------------------------
 * next_words(text, pos, hi): what the pattern \W*?([\w'\u2019.-]+)(?:\s+([\w'\u2019.-]+))?
 * matches at pos (within hi): None, or its two groups (the second None when no word follows
 * after blanks). The first group starts at the first character of its class; \w is a letter,
 * a digit or "_", \s a blank, to Python.
 */
static inline int
is_word_piece(Py_UCS4 c)
{
    return is_alnum(c) || c == '_' || is_word_joiner(c);
}

static PyObject *
next_words(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t pos, hi;
    if (text_range("next_words", "text, pos, hi", args, nargs, 3, &pos, &hi) < 0)
        return NULL;
    PyObject *text = args[0];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t a = pos;
    while (a < hi && !is_word_piece(PyUnicode_READ(kind, data, a)))
        a++;
    if (a >= hi)
        Py_RETURN_NONE;
    Py_ssize_t b = a;
    while (b < hi && is_word_piece(PyUnicode_READ(kind, data, b)))
        b++;
    Py_ssize_t c = b;
    while (c < hi && is_space(PyUnicode_READ(kind, data, c)))
        c++;
    Py_ssize_t d = c;
    if (c > b)
        while (d < hi && is_word_piece(PyUnicode_READ(kind, data, d)))
            d++;
    PyObject *first = PyUnicode_Substring(text, a, b);
    if (first == NULL)
        return NULL;
    PyObject *second = d > c ? PyUnicode_Substring(text, c, d) : Py_NewRef(Py_None);
    if (second == NULL) {
        Py_DECREF(first);
        return NULL;
    }
    PyObject *out = PyTuple_Pack(2, first, second);
    Py_DECREF(first);
    Py_DECREF(second);
    return out;
}

/* ---------------------------------------------------------------------------------------
 * terminators(text, start, end): the candidate sentence ends of framing.text._split in
 * text[start:end], as (first, after, open, next): a run of final marks (. ! ? U+2026) with
 * the closing marks after it (" ' ) ]), followed by a blank (the pattern _TERMINATOR, each
 * run tried once, from its first mark); then what the pattern _NEXT finds after it: the
 * opening marks (" ' ( [) after the blanks, from `open`, and the first character that is no
 * blank, at `next` (-1 for both when the paragraph ends first).
 */
static inline int
is_final_mark(Py_UCS4 c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static inline int
is_closing_mark(Py_UCS4 c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']';
}

static inline int
is_opening_mark(Py_UCS4 c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[';
}

static PyObject *
terminators(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t lo, hi;
    if (text_range("terminators", "text, start, end", args, nargs, 3, &lo, &hi) < 0)
        return NULL;
    PyObject *text = args[0];
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = lo;
    while (i < hi) {
        if (!is_final_mark(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t j = i;
        while (j < hi && is_final_mark(PyUnicode_READ(kind, data, j)))
            j++;
        Py_ssize_t run_end = j;
        while (j < hi && is_closing_mark(PyUnicode_READ(kind, data, j)))
            j++;
        if (!(j < hi && is_space(PyUnicode_READ(kind, data, j)))) {
            i = run_end;  /* no end here, nor from anywhere later in this run */
            continue;
        }
        /* _NEXT: blanks, opening marks, a character that is no blank */
        Py_ssize_t k = j;
        while (k < hi && is_space(PyUnicode_READ(kind, data, k)))
            k++;
        Py_ssize_t open = k, first = -1;
        while (k < hi && is_opening_mark(PyUnicode_READ(kind, data, k)))
            k++;
        if (k < hi && !is_space(PyUnicode_READ(kind, data, k)))
            first = k;
        else if (k > open)
            first = k - 1;  /* the last opening mark is the first character */
        if (first < 0)
            open = -1;
        PyObject *item = Py_BuildValue("(nnnn)", i, j, open, first);
        if (item == NULL || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(item);
        i = j;
    }
    return out;
}

/* ---------------------------------------------------------------------------------------
 * fill_slots(obj, fields, values, required): what a dataclass's __init__(**values) does for a
 * frozen record with slots, without an interpreted object.__setattr__ per field. fields is a
 * tuple of (member descriptor, name, default, default factory or None), in field order; a
 * default that is `required` marks a field without one. Every descriptor must be a slot of
 * obj's type; a missing required field or a name that is no field raises TypeError.
 */
static PyObject *
fill_slots(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError,
                     "fill_slots() takes 4 arguments (obj, fields, values, required), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *obj = args[0], *fields = args[1], *values = args[2], *required = args[3];
    if (!PyTuple_Check(fields) || !PyDict_Check(values)) {
        PyErr_SetString(PyExc_TypeError, "fill_slots() expects a tuple of fields and a dict");
        return NULL;
    }
    Py_ssize_t used = 0;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(fields); k++) {
        PyObject *field = PyTuple_GET_ITEM(fields, k);
        if (!PyTuple_Check(field) || PyTuple_GET_SIZE(field) != 4) {
            PyErr_SetString(PyExc_TypeError, "fill_slots(): a field is a 4-tuple");
            return NULL;
        }
        PyObject *d = PyTuple_GET_ITEM(field, 0), *name = PyTuple_GET_ITEM(field, 1);
        PyObject *dflt = PyTuple_GET_ITEM(field, 2), *factory = PyTuple_GET_ITEM(field, 3);
        if (!Py_IS_TYPE(d, &PyMemberDescr_Type) || !PyObject_TypeCheck(obj, PyDescr_TYPE(d))) {
            PyErr_SetString(PyExc_TypeError, "fill_slots(): not a slot of the object's type");
            return NULL;
        }
        PyObject *value = PyDict_GetItemWithError(values, name);  /* borrowed */
        PyObject *made = NULL;
        if (value != NULL) {
            used++;
        }
        else if (PyErr_Occurred()) {
            return NULL;
        }
        else if (factory != Py_None) {
            value = made = PyObject_CallNoArgs(factory);
            if (made == NULL)
                return NULL;
        }
        else if (dflt == required) {
            PyErr_Format(PyExc_TypeError, "missing field %R", name);
            return NULL;
        }
        else {
            value = dflt;
        }
        int failed = PyMember_SetOne((char *)obj, ((PyMemberDescrObject *)d)->d_member, value);
        Py_XDECREF(made);
        if (failed < 0)
            return NULL;
    }
    if (used != PyDict_GET_SIZE(values)) {
        PyErr_SetString(PyExc_TypeError, "fill_slots(): a value names no field");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef cscan_methods[] = {
    {"token_spans", (PyCFunction)(void (*)(void))token_spans, METH_FASTCALL,
     "token_spans(text, lo, hi)\n--\n\n"
     "The (start, end) offsets of the tokens of text[lo:hi]: what\n"
     "[m.span() for m in framing.text.segment.TOKEN_RE.finditer(text, lo, hi)] gives."},
    {"name_spans", (PyCFunction)(void (*)(void))name_spans, METH_FASTCALL,
     "name_spans(text, lo, hi, titles)\n--\n\n"
     "The (start, end) offsets of the name runs of text[lo:hi]: what\n"
     "[m.span() for m in framing.attribution.speakers._NAME_RE.finditer(text, lo, hi)]\n"
     "gives, with titles the set of title abbreviations the pattern is built from."},
    {"ac_build", (PyCFunction)ac_build, METH_O,
     "ac_build(keys)\n--\n\n"
     "An Aho-Corasick automaton of keys (non-empty ASCII str), for ac_scan."},
    {"ac_scan", (PyCFunction)(void (*)(void))ac_scan, METH_FASTCALL,
     "ac_scan(automaton, text)\n--\n\n"
     "[(end, key index)] of every occurrence of a key in text, end the index of its last\n"
     "character, by end and, at one end, longest key first (pyahocorasick's order)."},
    {"lead_word", (PyCFunction)(void (*)(void))lead_word, METH_FASTCALL,
     "lead_word(text, pos, hi)\n--\n\n"
     "The ASCII letters after the blanks at pos, or None when a character outside ASCII\n"
     "follows them."},
    {"fill_slots", (PyCFunction)(void (*)(void))fill_slots, METH_FASTCALL,
     "fill_slots(obj, fields, values, required)\n--\n\n"
     "Set obj's slots from the dict values as a dataclass __init__(**values) would; fields\n"
     "are (descriptor, name, default, factory or None), `required` marks no default."},
    {"next_words", (PyCFunction)(void (*)(void))next_words, METH_FASTCALL,
     "next_words(text, pos, hi)\n--\n\n"
     "The two groups of the pattern \\W*?([\\w'\\u2019.-]+)(?:\\s+([\\w'\\u2019.-]+))? at pos,\n"
     "or None."},
    {"terminators", (PyCFunction)(void (*)(void))terminators, METH_FASTCALL,
     "terminators(text, start, end)\n--\n\n"
     "The candidate sentence ends of text[start:end]: (first, after, open, next) tuples."},
    {"map_chars", (PyCFunction)(void (*)(void))map_chars, METH_FASTCALL,
     "map_chars(text, src, dst)\n--\n\n"
     "text with each character of src (no ASCII) replaced by the one at the same place in\n"
     "dst; text itself when nothing changes."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef cscan_module = {
    PyModuleDef_HEAD_INIT,
    "_cscan",
    "Scanners of framing's hot paths in C: tokens and name runs as offsets, typographic "
    "variants replaced (see framing/text/_cscan.c).",
    -1,
    cscan_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit__cscan(void)
{
    return PyModule_Create(&cscan_module);
}
