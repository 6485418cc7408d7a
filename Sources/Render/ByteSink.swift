import CCairo

/// Collects the bytes a Cairo surface writes through a `cairo_write_func_t` stream.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The C callback that appends to the sink passed as `closure`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    /// An unretained pointer to pass as the stream's closure; the sink must outlive the surface.
    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
