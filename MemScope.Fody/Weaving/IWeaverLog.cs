using Mono.Cecil.Cil;

namespace MemScopeFody.Weaving;

/// <summary>Where weaving concerns report what they could not do; Fody shows it with the source line.</summary>
public interface IWeaverLog
{
    void Warning(string message, SequencePoint? at);

    void Info(string message);
}
