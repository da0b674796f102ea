/// Python for the test targets' pyarrow scripts, for what pyarrow alone cannot do: build the
/// month and day-time interval types (imported through the C data interface) and take an IPC
/// stream apart into messages, so a script can splice an interval schema onto a batch of
/// same-layout integer storage. Interpolate it at the top level of a script that imports
/// `ctypes`, `pyarrow as pa` and `pyarrow.ipc as ipc`.
public enum PyArrowIntervals {
    public static let python = #"""
    class ArrowSchema(ctypes.Structure): pass
    RELEASE = ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowSchema))
    ArrowSchema._fields_ = [("format", ctypes.c_char_p), ("name", ctypes.c_char_p), ("metadata", ctypes.c_char_p),
        ("flags", ctypes.c_int64), ("n_children", ctypes.c_int64), ("children", ctypes.c_void_p),
        ("dictionary", ctypes.c_void_p), ("release", RELEASE), ("private_data", ctypes.c_void_p)]
    @RELEASE
    def _release(p): p.contents.release = RELEASE()
    def c_type(fmt):
        s = ArrowSchema(format=fmt.encode(), name=b"", metadata=None, flags=2, n_children=0, children=None,
                        dictionary=None, release=_release, private_data=None)
        return pa.DataType._import_from_c(ctypes.addressof(s))
    def messages(data): return [m.serialize().to_pybytes() for m in ipc.MessageReader.open_stream(pa.py_buffer(data))]
    """#
}
