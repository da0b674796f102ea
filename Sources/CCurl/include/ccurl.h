// CCurl: a thin, non-variadic shim over the libcurl easy and multi APIs.
//
// Why it exists: curl_easy_setopt / curl_easy_getinfo are C variadic functions, which Swift cannot
// call. Each wrapper below fixes the type of the third argument, so Swift sees an ordinary
// function. The wrappers add no behaviour: they return libcurl's own CURLcode.
//
// Callbacks are plain C function pointers (Swift `@convention(c)` closures cannot capture
// context); pass the context through the matching *DATA option (CURLOPT_WRITEDATA,
// CURLOPT_READDATA, CURLOPT_HEADERDATA, CURLOPT_XFERINFODATA) with ccurl_setopt_ptr.
#ifndef CCURL_H
#define CCURL_H

#include <curl/curl.h>

/// Body/response-data sink (CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION have this shape).
typedef size_t (*ccurl_data_callback)(char *buffer, size_t size, size_t nitems, void *userdata);
/// Upload source (CURLOPT_READFUNCTION). Return bytes written to `buffer`, 0 at end of data,
/// CURL_READFUNC_ABORT to abort.
typedef size_t (*ccurl_read_callback)(char *buffer, size_t size, size_t nitems, void *userdata);
/// Upload rewind (CURLOPT_SEEKFUNCTION): libcurl asks to restart the upload at `offset` when it must
/// resend the body (e.g. a connection reused after the server closed it). Return CURL_SEEKFUNC_OK (0),
/// CURL_SEEKFUNC_FAIL (1) or CURL_SEEKFUNC_CANTSEEK (2).
typedef int (*ccurl_seek_callback)(void *userdata, curl_off_t offset, int origin);
/// Progress (CURLOPT_XFERINFOFUNCTION). Return non-zero to abort the transfer.
typedef int (*ccurl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                       curl_off_t ultotal, curl_off_t ulnow);

/// Options taking a `long` (flags, timeouts, enums such as CURLOPT_HTTP_VERSION).
CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
/// Options taking a `curl_off_t` (the *_LARGE size options).
CURLcode ccurl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
/// Options taking a C string (libcurl copies the string; the caller may free it afterwards).
CURLcode ccurl_setopt_str(CURL *handle, CURLoption option, const char *value);
/// Options taking an opaque pointer (the *DATA callback contexts, CURLOPT_ERRORBUFFER).
CURLcode ccurl_setopt_ptr(CURL *handle, CURLoption option, void *value);
/// Options taking a header list (CURLOPT_HTTPHEADER, CURLOPT_RESOLVE). libcurl does NOT copy
/// the list: it must outlive the transfer.
CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list);

/// CURLOPT_WRITEFUNCTION.
CURLcode ccurl_setopt_write_callback(CURL *handle, ccurl_data_callback callback);
/// CURLOPT_HEADERFUNCTION: called once per received header line (status lines included).
CURLcode ccurl_setopt_header_callback(CURL *handle, ccurl_data_callback callback);
/// CURLOPT_READFUNCTION.
CURLcode ccurl_setopt_read_callback(CURL *handle, ccurl_read_callback callback);
/// CURLOPT_SEEKFUNCTION.
CURLcode ccurl_setopt_seek_callback(CURL *handle, ccurl_seek_callback callback);
/// CURLOPT_XFERINFOFUNCTION (also sets CURLOPT_NOPROGRESS to 0 so it is actually called).
CURLcode ccurl_setopt_xferinfo_callback(CURL *handle, ccurl_xferinfo_callback callback);

/// Infos returning a `long` (CURLINFO_RESPONSE_CODE, CURLINFO_OS_ERRNO, ...).
CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
/// Infos returning a `curl_off_t` (CURLINFO_SIZE_UPLOAD_T, ...).
CURLcode ccurl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);
/// Infos returning a string owned by the handle (CURLINFO_EFFECTIVE_URL, ...).
CURLcode ccurl_getinfo_str(CURL *handle, CURLINFO info, const char **value);

/// Multi-handle options taking a `long` (CURLMOPT_MAXCONNECTS, ...).
CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
/// The next finished transfer of `multi`: returns 1 and sets `easy` and `result` when a
/// CURLMSG_DONE message was queued, 0 when none is left. (CURLMsg carries the result in a union,
/// which this reads in C.)
int ccurl_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result);

/// CURL_READFUNC_ABORT as a function: the macro is a cast expression Swift does not import.
size_t ccurl_readfunc_abort(void);
/// CURL_ERROR_SIZE, the length CURLOPT_ERRORBUFFER must have.
size_t ccurl_error_size(void);

#endif
