using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace MemScope.Cli.Tests;

/// <summary>One damaged trace: what was done to it (the category and the exact change) and its bytes.</summary>
internal sealed record HostileTrace(string Category, string Label, byte[] Bytes);

/// <summary>
/// Damaged versions of a valid trace whose checksums are recomputed, so the damage reaches the reader's parsing
/// and the analysis behind it instead of stopping at a CRC mismatch: counts, lengths, ids and values set to huge,
/// negative and boundary numbers, events turned into other kinds, site tables rewritten, blocks dropped,
/// duplicated, cut short or reordered, and plain truncations. Deterministic for a seed.
/// </summary>
internal static class HostileTraces
{
    private static readonly int[] Int32s = [-1, -2, int.MinValue, int.MaxValue, 0x0800_0000, 0x0010_0000, 65_536];
    private static readonly long[] Int64s = [-1, long.MinValue, long.MaxValue, 1L << 40, 0x1_0000_0000];
    private static readonly ushort[] UInt16s = [0xFFFF, 0x8000];
    private static readonly byte[] Bytes = [0xFF, 0x80, 0x00];

    /// <summary>The cases for one valid trace; <paramref name="perCategory"/> bounds each category (sampled with <paramref name="seed"/>).</summary>
    public static List<HostileTrace> From(string name, byte[] valid, int seed, int perCategory)
    {
        var random = new Random(seed);
        var image = TraceImage.Parse(valid);
        var cases = new List<HostileTrace>();
        void Add(string category, IEnumerable<(string Label, Func<TraceImage, TraceImage?> Change)> candidates)
        {
            foreach (var (label, change) in candidates.OrderBy(_ => random.Next()).Take(perCategory))
            {
                var changed = change(image.Clone());
                if (changed is not null)
                    cases.Add(new HostileTrace(category, $"{name}: {label}", changed.WithConsistentEventCount().ToBytes()));
            }
        }

        Add("header", Header());
        Add("counts and lengths", Fields(image, TraceFieldRole.Count, TraceFieldRole.Length));
        Add("ids", Fields(image, TraceFieldRole.Id));
        Add("values", Fields(image, TraceFieldRole.Value));
        Add("event kinds", EventKinds(image));
        Add("object sizes and weights", IdentityValues(image));
        Add("every event of a kind", EveryEventOfAKind(image));
        Add("site table", SiteTable(image, random));
        Add("block structure", Structure(image, random));
        for (int i = 0; i < Math.Min(perCategory / 4, 100); i++)
        {
            int length = random.Next(TraceImage.HeaderSize, valid.Length);
            cases.Add(new HostileTrace("file truncation", $"{name}: cut at byte {length} of {valid.Length}", valid[..length]));
        }
        return cases;
    }

    private static IEnumerable<(string, Func<TraceImage, TraceImage?>)> Header()
    {
        foreach (long value in new[] { 1L, long.MaxValue, -1 })
            yield return ($"header frequency = {value}", t => Set(t.Header, 16, 8, value, t));
        foreach (long value in new[] { long.MinValue, long.MaxValue })
            yield return ($"header start timestamp = {value}", t => Set(t.Header, 24, 8, value, t));
        foreach (long value in new[] { 0L, 253_402_300_799_999, -1 })
            yield return ($"header start time = {value}", t => Set(t.Header, 32, 8, value, t));
        foreach (long value in new long[] { int.MaxValue, 0x8000_0000, 2 })
            yield return ($"header sampling = {value}", t => Set(t.Header, 12, 4, value, t));
        yield return ("header flags = 0xFFFF", t => Set(t.Header, 10, 2, 0xFFFF, t));
    }

    /// <summary>Every field of the given roles in every block, set to each boundary value of its width.</summary>
    private static IEnumerable<(string, Func<TraceImage, TraceImage?>)> Fields(TraceImage image, params TraceFieldRole[] roles)
    {
        for (int b = 0; b < image.Blocks.Count; b++)
        {
            int block = b;
            foreach (var field in TraceFields.Of(image.Blocks[b]).Where(f => roles.Contains(f.Role)))
            {
                foreach (long value in ValuesFor(field.Size))
                    yield return ($"block {block} {field.Name} at {field.Offset} = {value}", t => Set(t.Blocks[block].Payload, field.Offset, field.Size, value, t));
            }
        }
    }

    private static IEnumerable<long> ValuesFor(int size) => size switch
    {
        1 => Bytes.Select(v => (long)v),
        2 => UInt16s.Select(v => (long)v),
        4 => Int32s.Select(v => (long)v),
        _ => Int64s,
    };

    private static IEnumerable<(int Block, TraceField Field)> EventFields(TraceImage image, string name) =>
        image.Blocks.SelectMany((block, b) => block.Kind == TraceImage.Events
            ? TraceFields.Of(block).Where(f => f.Name == name).Select(f => (b, f))
            : []);

    /// <summary>An event of one kind turned into another: a free of an object, an Alloc of an address, a P/Invoke exit without its enter…</summary>
    private static IEnumerable<(string, Func<TraceImage, TraceImage?>)> EventKinds(TraceImage image)
    {
        foreach (var (block, field) in EventFields(image, "event.kind"))
        {
            foreach (long kind in Enumerable.Range(0, 31).Select(k => (long)k).Append(255))
                yield return ($"block {block} event at {field.Offset} kind = {kind}", t => Set(t.Blocks[block].Payload, field.Offset, 1, kind, t));
        }
    }

    /// <summary>
    /// An Alloc's value packs type id (bits 0–23), watch (24–31: k stands for 2^k objects) and size (32–63): sizes of
    /// 4 GiB, weights of 2^63 and beyond, type ids nobody declared.
    /// </summary>
    private static IEnumerable<(string, Func<TraceImage, TraceImage?>)> IdentityValues(TraceImage image)
    {
        foreach (var (block, field) in EventFields(image, "event.value"))
        {
            foreach (var (what, mask, bits) in new (string, long, long)[]
            {
                ("size 4 GiB", 0x0000_0000_FFFF_FFFF, unchecked((long)0xFFFF_FFFF_0000_0000)),
                ("watch 2^62", ~0xFF00_0000L, 62L << 24),
                ("watch 2^63", ~0xFF00_0000L, 63L << 24),
                ("watch 2^200", ~0xFF00_0000L, 200L << 24),
                ("type 0xFFFFFF", ~0xFF_FFFFL, 0xFF_FFFF),
            })
            {
                yield return ($"block {block} event value at {field.Offset}: {what}", t =>
                {
                    var span = t.Blocks[block].Payload.AsSpan(field.Offset, 8);
                    BinaryPrimitives.WriteInt64LittleEndian(span, (BinaryPrimitives.ReadInt64LittleEndian(span) & mask) | bits);
                    return t;
                });
            }
        }
    }

    /// <summary>One field of every event of one kind set at once, so totals add up extremes (sums of long.MaxValue, all timestamps equal…).</summary>
    private static IEnumerable<(string, Func<TraceImage, TraceImage?>)> EveryEventOfAKind(TraceImage image)
    {
        var kinds = image.Blocks.Where(b => b.Kind == TraceImage.Events)
            .SelectMany(b => TraceFields.Of(b).Where(f => f.Name == "event.kind").Select(f => b.Payload[f.Offset])).Distinct().ToList();
        foreach (byte kind in kinds)
        {
            foreach (var name in new[] { "event.value", "event.timestamp", "event.object" })
            {
                foreach (long value in Int64s.Append(0))
                {
                    yield return ($"every kind-{kind} {name} = {value}", t =>
                    {
                        foreach (var block in t.Blocks.Where(b => b.Kind == TraceImage.Events))
                        {
                            var fields = TraceFields.Of(block);
                            foreach (var kindField in fields.Where(f => f.Name == "event.kind" && block.Payload[f.Offset] == kind))
                            {
                                var target = fields.Last(f => f.Name == name && f.Offset < kindField.Offset);
                                BinaryPrimitives.WriteInt64LittleEndian(block.Payload.AsSpan(target.Offset), value);
                            }
                        }
                        return t;
                    });
                }
            }
        }
    }

    private static IEnumerable<(string, Func<TraceImage, TraceImage?>)> SiteTable(TraceImage image, Random random)
    {
        var sites = JsonNode.Parse(image.Block(TraceImage.Sites).Payload)!.AsArray();
        string control = "\u001b]0;retitled\u0007\u001b[2J\r\u0085\u202e";
        var values = new (string Property, JsonNode? Value)[]
        {
            ("id", int.MaxValue), ("id", -1), ("id", 0), ("line", int.MaxValue), ("line", int.MinValue), ("line", -1), ("column", -1),
            ("line", 1e12), ("id", "seven"), ("file", ""), ("file", new string('d', 20_000) + ".cs"), ("file", "../../../etc/passwd"),
            ("file", "C:\\src\\x.cs"), ("file", "/src/" + control + ".cs"), ("method", control), ("name", control), ("type", "List<[red]" + control + ">"),
            ("kind", "bogus"), ("method", null), ("assembly", 7),
        };
        for (int i = 0; i < sites.Count; i++)
        {
            int index = i;
            foreach (var (property, value) in values)
            {
                yield return ($"site {index} {property} = {Shorten(value?.ToJsonString())}", t => WithSites(t, s => s[index]![property] = value?.DeepClone()));
            }
            yield return ($"site {index} without line", t => WithSites(t, s => s[index]!.AsObject().Remove("line")));
            yield return ($"site {index} id = site {(index + 1) % sites.Count}'s", t => WithSites(t, s => s[index]!["id"] = s[(index + 1) % s.Count]!["id"]!.DeepClone()));
        }
        foreach (string whole in new[] { "{}", "null", "[1,2,3]", "[", "", "[{}]" })
            yield return ($"site table = '{whole}'", t => Replace(t, TraceImage.Sites, Encoding.UTF8.GetBytes(whole)));
        yield return ("site table of 1 site repeated 100,000 times", t =>
            Replace(t, TraceImage.Sites, Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(sites[random.Next(sites.Count)]!.ToJsonString(), 100_000)) + "]")));
    }

    private static IEnumerable<(string, Func<TraceImage, TraceImage?>)> Structure(TraceImage image, Random random)
    {
        for (int b = 0; b < image.Blocks.Count; b++)
        {
            int block = b;
            uint kind = image.Blocks[b].Kind;
            yield return ($"block {block} (kind {kind}) removed", t => { t.Blocks.RemoveAt(block); return t; });
            yield return ($"block {block} (kind {kind}) twice", t => { t.Blocks.Insert(block, new TraceImageBlock(kind, (byte[])t.Blocks[block].Payload.Clone())); return t; });
            if (image.Blocks[b].Payload.Length > 0)
            {
                int length = random.Next(image.Blocks[b].Payload.Length);
                yield return ($"block {block} (kind {kind}) payload cut to {length}", t => { t.Blocks[block].Payload = t.Blocks[block].Payload[..length]; return t; });
            }
            yield return ($"block {block} (kind {kind}) moved first", t => { var x = t.Blocks[block]; t.Blocks.RemoveAt(block); t.Blocks.Insert(0, x); return t; });
        }
        yield return ("unknown block kind 99 before End", t => { t.Blocks.Insert(t.Blocks.Count - 1, new TraceImageBlock(99, [1, 2, 3])); return t; });
        yield return ("empty payload for every block", t => { t.Blocks.ForEach(b => b.Payload = []); return t; });
        yield return ("events blocks 64 times over", t =>
        {
            var events = t.Blocks.Where(b => b.Kind == TraceImage.Events).ToList();
            for (int i = 0; i < 63; i++)
                t.Blocks.InsertRange(t.Blocks.Count - 1, events.Select(e => new TraceImageBlock(e.Kind, e.Payload)));
            return t;
        });
    }

    private static TraceImage Set(byte[] buffer, int offset, int size, long value, TraceImage image)
    {
        var span = buffer.AsSpan(offset, size);
        switch (size)
        {
            case 1: span[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
            case 4: BinaryPrimitives.WriteInt32LittleEndian(span, unchecked((int)value)); break;
            default: BinaryPrimitives.WriteInt64LittleEndian(span, value); break;
        }
        return image;
    }

    private static TraceImage WithSites(TraceImage image, Action<JsonArray> change)
    {
        var sites = JsonNode.Parse(image.Block(TraceImage.Sites).Payload)!.AsArray();
        change(sites);
        return Replace(image, TraceImage.Sites, Encoding.UTF8.GetBytes(sites.ToJsonString()));
    }

    private static TraceImage Replace(TraceImage image, uint kind, byte[] payload)
    {
        image.Block(kind).Payload = payload;
        return image;
    }

    private static string Shorten(string? text) => text is null ? "null" : text.Length > 40 ? text[..40] + "…" : text;
}
