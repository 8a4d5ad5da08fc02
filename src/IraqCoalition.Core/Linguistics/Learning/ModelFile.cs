using System.IO.Compression;
using System.Text;

namespace IraqCoalition.Core.Linguistics.Learning;

/// <summary>
/// The container of every trained model: a magic word, the model's kind and format version, then a
/// Brotli-compressed body. A wrong or truncated file fails with a message that names it, instead of
/// garbage weights.
/// </summary>
public static class ModelFile
{
    private const uint Magic = 0x4C4D4349; // "ICML"

    public static void Save(string path, string kind, int version, Action<BinaryWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        var tmp = path + ".tmp";
        using (var fs = File.Create(tmp))
        {
            using (var head = new BinaryWriter(fs, Encoding.UTF8, leaveOpen: true))
            {
                head.Write(Magic);
                head.Write(kind);
                head.Write(version);
            }

            using var brotli = new BrotliStream(fs, CompressionLevel.Optimal);
            using var w = new BinaryWriter(brotli, Encoding.UTF8);
            body(w);
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Reads a model of <paramref name="kind"/> written in any format from 1 to <paramref name="version"/>; the body reader gets the file's format.</summary>
    public static T Load<T>(Stream stream, string kind, int version, Func<BinaryReader, int, T> body, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(body);
        using var head = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (head.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{name} is not a model file");
            }

            var k = head.ReadString();
            var v = head.ReadInt32();
            if (k != kind || v < 1 || v > version)
            {
                throw new InvalidDataException($"{name} is a '{k}' model of format {v}; expected '{kind}' format {version} or older (retrain it with the train command)");
            }

            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var buffered = new BufferedStream(brotli, 1 << 16);
            using var r = new BinaryReader(buffered, Encoding.UTF8);
            return body(r, v);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{name} is truncated", ex);
        }
    }

    public static T Load<T>(string path, string kind, int version, Func<BinaryReader, int, T> body)
    {
        using var fs = File.OpenRead(path);
        return Load(fs, kind, version, body, path);
    }

    public static void WriteStrings(BinaryWriter w, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(values);
        w.Write(values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    public static string[] ReadStrings(BinaryReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var n = r.ReadInt32();
        var a = new string[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = r.ReadString();
        }

        return a;
    }
}
