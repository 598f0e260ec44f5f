using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LaVae.Tests.Reproduction;

/// <summary>
/// A writer whose every line goes to xunit's diagnostic message sink, which `dotnet test` prints as it
/// comes ("[xUnit.net ...] ..."): xunit 2 keeps a test's console to itself, so training progress written
/// to the console would show nothing for the half hour a fresh clone's tests train.
/// </summary>
internal sealed class DiagnosticLines(IMessageSink sink) : TextWriter
{
    private readonly StringBuilder line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
        }
        else if (value != '\r')
        {
            line.Append(value);
        }
    }

    public override void Flush()
    {
        if (line.Length > 0)
        {
            sink.OnMessage(new DiagnosticMessage($"lavae: {line}"));
            line.Clear();
        }
    }
}
