namespace StreamEngine.Encoding.FFmpeg;

/// <summary>Reads the fields of one 188-byte MPEG-TS packet that the fan-out needs (ISO/IEC 13818-1).</summary>
internal static class TsPacket
{
    private static readonly HashSet<byte> VideoStreamTypes = [0x01, 0x02, 0x10, 0x1B, 0x24, 0x42];

    public static int Pid(ReadOnlySpan<byte> packet) => ((packet[1] & 0x1F) << 8) | packet[2];

    /// <summary>payload_unit_start_indicator: a PES packet or a table section starts here.</summary>
    public static bool StartsPayload(ReadOnlySpan<byte> packet) => (packet[1] & 0x40) != 0;

    /// <summary>A PES starts here and the adaptation field's random_access_indicator is set.</summary>
    public static bool IsRandomAccessStart(ReadOnlySpan<byte> packet) =>
        StartsPayload(packet) && HasAdaptationField(packet) && packet[4] > 0 && (packet[5] & 0x40) != 0;

    /// <summary>The PMT PID of the first program in a PAT packet.</summary>
    public static int? PmtPid(ReadOnlySpan<byte> packet)
    {
        var section = Section(packet, tableId: 0x00);
        if (section.IsEmpty) return null;
        for (var i = 8; i + 4 <= section.Length - 4; i += 4)
        {
            var program = (section[i] << 8) | section[i + 1];
            if (program != 0) return ((section[i + 2] & 0x1F) << 8) | section[i + 3];
        }
        return null;
    }

    /// <summary>The PID of the first video stream listed in a PMT packet.</summary>
    public static int? VideoPid(ReadOnlySpan<byte> packet)
    {
        var section = Section(packet, tableId: 0x02);
        if (section.Length < 12) return null;
        var i = 12 + (((section[10] & 0x0F) << 8) | section[11]);
        while (i + 5 <= section.Length - 4)
        {
            var pid = ((section[i + 1] & 0x1F) << 8) | section[i + 2];
            if (VideoStreamTypes.Contains(section[i])) return pid;
            i += 5 + (((section[i + 3] & 0x0F) << 8) | section[i + 4]);
        }
        return null;
    }

    private static bool HasAdaptationField(ReadOnlySpan<byte> packet) => (packet[3] & 0x20) != 0;

    /// <summary>The table section in a packet that starts one (fits in one packet, as ffmpeg writes them), or empty.</summary>
    private static ReadOnlySpan<byte> Section(ReadOnlySpan<byte> packet, byte tableId)
    {
        if (!StartsPayload(packet) || (packet[3] & 0x10) == 0) return [];
        var payload = 4 + (HasAdaptationField(packet) ? 1 + packet[4] : 0);
        if (payload >= packet.Length) return [];
        var start = payload + 1 + packet[payload];
        if (start + 3 > packet.Length || packet[start] != tableId) return [];
        var length = 3 + (((packet[start + 1] & 0x0F) << 8) | packet[start + 2]);
        return start + length > packet.Length ? [] : packet.Slice(start, length);
    }
}
