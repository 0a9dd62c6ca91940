"""draw/layout"""
