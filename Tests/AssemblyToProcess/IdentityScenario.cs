using System.Collections.Generic;

namespace AssemblyToProcess;

// Classes that tracked code allocates get an id slot; a hierarchy shares the slot of its topmost class.
public class Shape
{
    public virtual double Area => 0;
}

public sealed class Circle : Shape
{
    public Circle(double radius) => Radius = radius;

    public double Radius { get; }

    public override double Area => 3.14159 * Radius * Radius;
}

public sealed class Box<T>
{
    public Box(T value) => Value = value;

    public T Value { get; }
}

public static class IdentityScenario
{
    [Tracked]
    public static List<object> MakeShapes()
    {
        var made = new List<object>();
        made.Add(new Shape());
        made.Add(new Circle(2));
        made.Add(new Box<int>(7));
        made.Add(new Box<string>("seven"));
        return made;
    }

    [Tracked]
    public static Shape Keep(Shape shape)
    {
        Shape kept = shape;
        return kept;
    }
}
