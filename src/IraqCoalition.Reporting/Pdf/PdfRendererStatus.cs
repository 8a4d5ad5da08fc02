namespace IraqCoalition.Reporting.Pdf;

/// <summary>Whether PDF export can work here, for the health endpoint and the composer page.</summary>
public sealed record PdfRendererStatus(bool Available, string ExecutablePath, string Message)
{
    /// <summary>True once a browser has been started in this process.</summary>
    public bool Running { get; init; }
}

/// <summary>PDF export is impossible here (no Chromium, or it would not start); the message says why and what to do.</summary>
public sealed class PdfRendererUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
