using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MemScopeFody.Il;

/// <summary>
/// The source line of each instruction of one method, taken from the PDB before the method is changed
/// (instruction offsets move once code is inserted).
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<Instruction, SequencePoint> _points = new Dictionary<Instruction, SequencePoint>();

    public SourceMap(MethodDefinition method)
    {
        if (!method.HasBody || !method.DebugInformation.HasSequencePoints)
            return;

        var byOffset = new Dictionary<int, SequencePoint>();
        foreach (var point in method.DebugInformation.SequencePoints)
        {
            if (!point.IsHidden)
                byOffset[point.Offset] = point;
        }

        SequencePoint? current = null;
        foreach (var instruction in method.Body.Instructions)
        {
            if (byOffset.TryGetValue(instruction.Offset, out var point))
                current = point;
            if (current != null)
                _points[instruction] = current;
            FirstPoint ??= current;
            if (LastPoint == null || (current != null && current.StartLine > LastPoint.StartLine))
                LastPoint = current;
        }
    }

    /// <summary>The first source line of the method (its opening brace, or its first statement in a Release build).</summary>
    public SequencePoint? FirstPoint { get; private set; }

    /// <summary>The closing brace of the method, where its locals go out of scope.</summary>
    public SequencePoint? LastPoint { get; private set; }

    public SequencePoint? For(Instruction instruction) => _points.TryGetValue(instruction, out var point) ? point : null;
}
