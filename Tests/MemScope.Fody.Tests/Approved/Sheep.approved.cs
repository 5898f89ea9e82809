using MemScopeRuntime;

namespace AssemblyToProcess;

public sealed class Sheep
{
	public string Name { get; }

	public Sheep(string name)
	{
		Name = name;
	}

	public Sheep Copy()
	{
		object obj = MemberwiseClone();
		Probe.Cloned(obj);
		return (Sheep)obj;
	}
}
