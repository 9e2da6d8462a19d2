package io.dceff;
class Placeholder {}
