namespace LaVae.Reports.Images;

/// <summary>
/// The glyphs of <see cref="BitmapFont"/>: 5 pixels wide, 9 high (7 above the baseline, 2 for
/// descenders), one ulong each. Bit 44 is the top-left pixel, then row by row, left to right, so
/// the hex digits read top to bottom; a set bit is ink.
/// </summary>
internal static class BitmapFontGlyphs
{
    /// <summary>Printable ASCII, from ' ' (32) to '~' (126).</summary>
    internal static readonly ulong[] Ascii =
    [
        0x000000000000, // ' '
        0x042108401000, // '!'
        0x0A5280000000, // '"'
        0x0A57D5F52800, // '#'
        0x047D1C5F1000, // '$'
        0x18C888898C00, // '%'
        0x0C9511593400, // '&'
        0x042200000000, // '\''
        0x022210820800, // '('
        0x082084222000, // ')'
        0x00255D520000, // '*'
        0x00213E420000, // '+'
        0x000000063088, // ','
        0x00001C000000, // '-'
        0x000000063000, // '.'
        0x011088844000, // '/'
        0x0E8CEB98B800, // '0'
        0x046108423800, // '1'
        0x0E8844447C00, // '2'
        0x1F110418B800, // '3'
        0x0232A5F10800, // '4'
        0x1F878218B800, // '5'
        0x06443D18B800, // '6'
        0x1F0888842000, // '7'
        0x0E8C5D18B800, // '8'
        0x0E8C5E113000, // '9'
        0x006300C60000, // ':'
        0x006300C61100, // ';'
        0x022220820800, // '<'
        0x0007C1F00000, // '='
        0x082082222000, // '>'
        0x0E8844401000, // '?'
        0x0E885B5AB800, // '@'
        0x0E8C7F18C400, // 'A'
        0x1E8C7D18F800, // 'B'
        0x0E8C2108B800, // 'C'
        0x1C9463197000, // 'D'
        0x1F843D087C00, // 'E'
        0x1F843D084000, // 'F'
        0x0E8C2F18BC00, // 'G'
        0x118C7F18C400, // 'H'
        0x0E2108423800, // 'I'
        0x071084293000, // 'J'
        0x119531494400, // 'K'
        0x108421087C00, // 'L'
        0x11DD6B18C400, // 'M'
        0x118E6B38C400, // 'N'
        0x0E8C6318B800, // 'O'
        0x1E8C7D084000, // 'P'
        0x0E8C63593400, // 'Q'
        0x1E8C7D494400, // 'R'
        0x0F841C10F800, // 'S'
        0x1F2108421000, // 'T'
        0x118C6318B800, // 'U'
        0x118C63151000, // 'V'
        0x118C6B5AA800, // 'W'
        0x118A88A8C400, // 'X'
        0x118A88421000, // 'Y'
        0x1F0888887C00, // 'Z'
        0x0E4210843800, // '['
        0x104208210400, // '\\'
        0x0E1084213800, // ']'
        0x045440000000, // '^'
        0x0000000003E0, // '_'
        0x082000000000, // '`'
        0x000382F8BC00, // 'a'
        0x1087A318F800, // 'b'
        0x0003A108B800, // 'c'
        0x010BE318BC00, // 'd'
        0x0003A3F83800, // 'e'
        0x064A38842000, // 'f'
        0x0003E318BC2E, // 'g'
        0x1085B318C400, // 'h'
        0x040308423800, // 'i'
        0x020184210A4C, // 'j'
        0x1084A98A4800, // 'k'
        0x0C2108423800, // 'l'
        0x0006AB5AD400, // 'm'
        0x0005B318C400, // 'n'
        0x0003A318B800, // 'o'
        0x0007A318FA10, // 'p'
        0x0003E318BC21, // 'q'
        0x0005B3084000, // 'r'
        0x0003E0E0F800, // 's'
        0x084710849800, // 't'
        0x00046319B400, // 'u'
        0x000463151000, // 'v'
        0x0004635AA800, // 'w'
        0x000454454400, // 'x'
        0x00046318BC2E, // 'y'
        0x0007C4447C00, // 'z'
        0x022110420800, // '{'
        0x042108421000, // '|'
        0x082104422000, // '}'
        0x00022A200000, // '~'
    ];

    /// <summary>The few characters beyond ASCII that LaVae's labels use; the dashes and minus sign look like '-'.</summary>
    internal static readonly Dictionary<char, ulong> Extra = new()
    {
        ['\u00B1'] = 0x0427C8407C00, // '±'
        ['\u2014'] = 0x00003E000000, // '—' em dash, wider than '-'
        ['\u00B7'] = 0x000008000000, // '·'
        ['\u00D7'] = 0x008A88A88000, // '×'
        ['\u2212'] = Ascii['-' - ' '], // '−' minus sign
        ['\u2013'] = Ascii['-' - ' '], // '–' en dash
    };

    /// <summary>An outlined box: what a character without a glyph looks like, so it shows rather than vanishes.</summary>
    internal const ulong Missing = 0x1F8C6318FC00;
}
