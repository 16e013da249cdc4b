namespace Lvyue.Notary;

/// <summary>A signed note, checkpoint or note key that does not follow its format; the message says which rule it breaks.</summary>
public sealed class NoteFormatException : FormatException
{
    public NoteFormatException(string message) : base(message)
    {
    }

    public NoteFormatException(string message, Exception inner) : base(message, inner)
    {
    }
}
