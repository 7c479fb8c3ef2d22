/*
 * framing.attribution._ctokens: the tokens of a stretch of text, as offsets, in C.
 *
 * token_spans(text, lo, hi) returns what
 *     [m.span() for m in framing.text.segment.TOKEN_RE.finditer(text, lo, hi)]
 * returns, where TOKEN_RE is
 *     \d+(?:[.,:]\d+)+ | [^\W_]+(?:[-'.\u2019][^\W_]+)* | \S
 * (a number with inner separators, a word with inner hyphens, apostrophes and periods, or
 * any other character that is not a blank). The classes are the ones Python's re module
 * uses for str patterns: \d is Py_UNICODE_ISDECIMAL, [^\W_] is Py_UNICODE_ISALNUM and \s is
 * Py_UNICODE_ISSPACE. lo and hi are clipped to the text as re clips pos and endpos.
 *
 * The speaker rules tokenise a window before every cue; a match object per token made that
 * a tenth of the extractor's time. tests/attribution/test_pattern_shortcuts.py compares the two on
 * real and generated text. The build compiles this file when it can (setup.py); without it,
 * framing.attribution.rules uses the regex.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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

static int
append_span(PyObject *out, Py_ssize_t start, Py_ssize_t end)
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

static PyObject *
token_spans(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "token_spans() takes 3 arguments (text, lo, hi), got %zd",
                     nargs);
        return NULL;
    }
    PyObject *text = args[0];
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "token_spans() expects str, got %s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    Py_ssize_t lo = PyLong_AsSsize_t(args[1]);
    if (lo == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t hi = PyLong_AsSsize_t(args[2]);
    if (hi == -1 && PyErr_Occurred())
        return NULL;
    if (PyUnicode_READY(text) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    /* as re clips pos and endpos */
    if (lo < 0)
        lo = 0;
    else if (lo > n)
        lo = n;
    if (hi < 0)
        hi = 0;
    else if (hi > n)
        hi = n;
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
        if (append_span(out, i, end) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        i = end;
    }
    return out;
}

static PyMethodDef ctokens_methods[] = {
    {"token_spans", (PyCFunction)(void (*)(void))token_spans, METH_FASTCALL,
     "token_spans(text, lo, hi)\n--\n\n"
     "The (start, end) offsets of the tokens of text[lo:hi]: what\n"
     "[m.span() for m in framing.text.segment.TOKEN_RE.finditer(text, lo, hi)] gives."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef ctokens_module = {
    PyModuleDef_HEAD_INIT,
    "_ctokens",
    "The tokens of a stretch of text, as offsets (framing.text.segment.TOKEN_RE, in C).",
    -1,
    ctokens_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit__ctokens(void)
{
    return PyModule_Create(&ctokens_module);
}
