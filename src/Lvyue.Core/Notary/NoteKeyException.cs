namespace Lvyue.Notary;

/// <summary>A key file that cannot be read, written or used as a note key; the message names the file and the reason.</summary>
public sealed class NoteKeyException : Exception
{
    public NoteKeyException(string message) : base(message)
    {
    }

    public NoteKeyException(string message, Exception inner) : base(message, inner)
    {
    }
}
