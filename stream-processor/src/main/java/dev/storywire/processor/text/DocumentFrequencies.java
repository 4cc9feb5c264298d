package dev.storywire.processor.text;

/** How many documents contain a term, and how many documents there are, as the clustering has seen them. */
public interface DocumentFrequencies {

    long documentFrequency(String term);

    long documentCount();
}
