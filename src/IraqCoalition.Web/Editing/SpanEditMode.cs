namespace IraqCoalition.Web.Editing;

/// <summary>What the reader's span editor does with the selection.</summary>
public enum SpanEditMode
{
    /// <summary>Add an event the machine missed.</summary>
    Event,

    /// <summary>Add a statement the machine missed.</summary>
    Statement,

    /// <summary>Make the selection the content of an existing statement (a quotation cut short, a paraphrase that lost its end).</summary>
    StatementContent,
}
